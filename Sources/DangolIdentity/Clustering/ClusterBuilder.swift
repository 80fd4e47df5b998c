/// Turns scored pairs into clusters: connected components over strong-identifier links and auto-merge pairs,
/// guarded against chaining.
///
/// Single-link components chain: A–B share a phone, B–C share an e-mail, and A and C — a parent and a child —
/// end up as one customer though they disagree on name and birth date. So every component of three or more records
/// is checked. Records tied by a strong identifier stay together (an anchor group); anchor groups are re-joined
/// agglomeratively, the pair of groups with the highest average weight first, and only while their best link reaches
/// the auto-merge weight and their average link over all cross pairs — computed, not just the candidate pairs —
/// reaches the review weight. A component too large to compare all its pairs is first cut by raising the auto-merge
/// weight until its pieces are small enough.
struct ClusterBuilder {
    /// A pair's weight (computed on demand for pairs that were not candidates).
    let weightOf: (Int, Int) -> Float
    /// The auto-merge and review weights for the component of a record (they depend on its kind's model).
    let thresholdsOf: (Int) -> (autoMerge: Float, review: Float)
    /// Components up to this size compare all their pairs.
    let exactLimit: Int

    /// Figures of one run.
    struct Outcome {
        /// Per record, the smallest record number of its cluster.
        var labels: [Int32]
        /// Components the guard split.
        var splitComponents: Int
        /// Pairs scored by the guard.
        var pairsScored: Int
        /// Records in the largest component before the guard.
        var largestComponent: Int
    }

    /// Clusters `count` records from their anchor groups (`anchors`, the strong-identifier sets) and the auto-merge
    /// links.
    func build(count: Int, anchors: UnionFind, autoLinks: [(Int32, Int32, Float)]) -> Outcome {
        var anchorSets = anchors
        var sets = anchors
        for (i, j, _) in autoLinks { sets.union(Int(i), Int(j)) }
        var root = [Int32](repeating: 0, count: count)
        var anchorRoot = [Int32](repeating: 0, count: count)
        var componentSize = [Int32](repeating: 0, count: count)
        for record in 0..<count {
            root[record] = Int32(sets.find(record))
            anchorRoot[record] = Int32(anchorSets.find(record))
            componentSize[Int(root[record])] += 1
        }
        // Members of each component, contiguous (counting sort by root).
        var offsets = [Int](repeating: 0, count: count + 1)
        for record in 0..<count { offsets[Int(root[record]) + 1] += 1 }
        for index in 0..<count { offsets[index + 1] += offsets[index] }
        var members = [Int32](repeating: 0, count: count)
        var fill = offsets
        for record in 0..<count {
            members[fill[Int(root[record])]] = Int32(record)
            fill[Int(root[record])] += 1
        }
        // Auto links grouped by component, for the components too large to compare exhaustively.
        let linksByComponent = Dictionary(grouping: autoLinks.filter { componentSize[Int(root[Int($0.0)])] > exactLimit }) {
            root[Int($0.0)]
        }

        var labels = [Int32](repeating: 0, count: count)
        var splitComponents = 0
        var pairsScored = 0
        for component in 0..<count where componentSize[component] > 0 {
            let group = Array(members[offsets[component]..<offsets[component + 1]]).map(Int.init)
            let pieces: [[Int]]
            if group.count >= 3 && Set(group.map { anchorRoot[$0] }).count >= 2 {
                let thresholds = thresholdsOf(group[0])
                pieces = split(group, links: linksByComponent[Int32(component)] ?? [], raisedWeight: thresholds.autoMerge,
                               thresholds: thresholds, anchorRoot: anchorRoot, pairsScored: &pairsScored)
                if pieces.count > 1 { splitComponents += 1 }
            } else {
                pieces = [group]
            }
            for piece in pieces {
                let label = Int32(piece.min()!)
                for record in piece { labels[record] = label }
            }
        }
        return Outcome(labels: labels, splitComponents: splitComponents, pairsScored: pairsScored,
                       largestComponent: Int(componentSize.max() ?? 0))
    }

    private func split(
        _ group: [Int], links: [(Int32, Int32, Float)], raisedWeight: Float,
        thresholds: (autoMerge: Float, review: Float), anchorRoot: [Int32], pairsScored: inout Int
    ) -> [[Int]] {
        if group.count <= exactLimit {
            return agglomerate(group, thresholds: thresholds, anchorRoot: anchorRoot, pairsScored: &pairsScored)
        }
        // One anchor group and no probabilistic link: records tied by strong identifiers stay together.
        if links.isEmpty { return [group] }
        // Too large to compare every pair: keep only the stronger links and look at the pieces. Linear in the
        // members and links of this level; the weight rises by 4 bits per level, so the depth is bounded.
        let stricter = raisedWeight + 4
        var local: [Int: Int] = [:]
        local.reserveCapacity(group.count)
        for (position, record) in group.enumerated() { local[record] = position }
        var sets = UnionFind(count: group.count)
        var firstOfAnchor: [Int32: Int] = [:]
        for (position, record) in group.enumerated() {
            if let first = firstOfAnchor[anchorRoot[record]] {
                sets.union(first, position)
            } else {
                firstOfAnchor[anchorRoot[record]] = position
            }
        }
        for (i, j, weight) in links where weight >= stricter {
            if let a = local[Int(i)], let b = local[Int(j)] { sets.union(a, b) }
        }
        var pieceOfRoot: [Int: Int] = [:]
        var pieces: [[Int]] = []
        for (position, record) in group.enumerated() {
            let root = sets.find(position)
            if let piece = pieceOfRoot[root] {
                pieces[piece].append(record)
            } else {
                pieceOfRoot[root] = pieces.count
                pieces.append([record])
            }
        }
        var linksOfPiece = [[(Int32, Int32, Float)]](repeating: [], count: pieces.count)
        for link in links where link.2 >= stricter {
            guard let a = local[Int(link.0)], let piece = pieceOfRoot[sets.find(a)] else { continue }
            linksOfPiece[piece].append(link)
        }
        var result: [[Int]] = []
        for (index, piece) in pieces.enumerated() {
            result += split(piece, links: linksOfPiece[index], raisedWeight: stricter, thresholds: thresholds,
                            anchorRoot: anchorRoot, pairsScored: &pairsScored)
        }
        return result
    }

    /// Average-linkage re-joining of the anchor groups of a small component.
    private func agglomerate(
        _ group: [Int], thresholds: (autoMerge: Float, review: Float), anchorRoot: [Int32], pairsScored: inout Int
    ) -> [[Int]] {
        var groups: [[Int]] = []
        var groupOfAnchor: [Int32: Int] = [:]
        for record in group {
            if let index = groupOfAnchor[anchorRoot[record]] {
                groups[index].append(record)
            } else {
                groupOfAnchor[anchorRoot[record]] = groups.count
                groups.append([record])
            }
        }
        let count = groups.count
        guard count > 1 else { return groups }
        var sum = [Float](repeating: 0, count: count * count)
        var pairs = [Float](repeating: 0, count: count * count)
        var best = [Float](repeating: -.infinity, count: count * count)
        for g in 0..<count {
            for h in (g + 1)..<count {
                for a in groups[g] {
                    for b in groups[h] {
                        let weight = weightOf(a, b)
                        pairsScored += 1
                        sum[g * count + h] += weight
                        pairs[g * count + h] += 1
                        best[g * count + h] = max(best[g * count + h], weight)
                    }
                }
            }
        }
        var alive = [Bool](repeating: true, count: count)
        while true {
            var choice: (Int, Int)?
            var choiceAverage = -Float.infinity
            for g in 0..<count where alive[g] {
                for h in (g + 1)..<count where alive[h] {
                    let index = g * count + h
                    let average = sum[index] / pairs[index]
                    if best[index] >= thresholds.autoMerge && average >= thresholds.review && average > choiceAverage {
                        choice = (g, h)
                        choiceAverage = average
                    }
                }
            }
            guard let (g, h) = choice else { break }
            groups[g].append(contentsOf: groups[h])
            alive[h] = false
            for other in 0..<count where alive[other] && other != g {
                let into = min(g, other) * count + max(g, other)
                let from = min(h, other) * count + max(h, other)
                sum[into] += sum[from]
                pairs[into] += pairs[from]
                best[into] = max(best[into], best[from])
            }
        }
        return (0..<count).filter { alive[$0] }.map { groups[$0] }
    }
}
