extension Schema {
    /// Product categories are paths in a hierarchy, stored in one written form with ` > ` between levels
    /// (`ProductCategory` in Core reads what users type). Categories saved before were kept as typed: this rewrites
    /// the common variants (`식품>음료`, `식품 >음료`, `식품> 음료`) to the written form, so that browsing by category
    /// and the category tree find them. (Longer runs of spaces stay as they are; they are shown and matched as typed.)
    static let categoryPaths = Migration("0011_category_paths") { _ in
        [
            """
            UPDATE products SET category = replace(replace(replace(category, ' >', '>'), '> ', '>'), '>', ' > ')
            WHERE category LIKE '%>%'
            """,
        ]
    }
}
