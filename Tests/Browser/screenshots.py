"""Saves full-page screenshots of the console's main pages, in Korean and in English, for review.

Usage (scripts/screenshots.sh does all of it): python3 screenshots.py --base URL --db DEMO.sqlite --out DIR
"""
import argparse
import os
import sqlite3

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from console_flows import make_driver


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--db", required=True, help="the demo database, to pick a customer with a rich history")
    parser.add_argument("--out", required=True)
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    arguments = parser.parse_args()
    base = arguments.base.rstrip("/")
    os.makedirs(arguments.out, exist_ok=True)

    db = sqlite3.connect(arguments.db)
    customer = db.execute("""
        SELECT t.customer_id FROM transactions t JOIN customers c ON c.id = t.customer_id
        WHERE EXISTS (SELECT 1 FROM voc_cases v WHERE v.customer_id = t.customer_id)
        GROUP BY t.customer_id ORDER BY COUNT(*) DESC LIMIT 1""").fetchone()
    if customer is None:
        customer = db.execute("SELECT customer_id FROM transactions WHERE customer_id IS NOT NULL LIMIT 1").fetchone()
    case = db.execute("SELECT id FROM voc_cases ORDER BY opened_at LIMIT 1").fetchone()
    db.close()

    pages = [("customers", "/customers"), ("voc-board", "/voc"), ("products", "/products"), ("reviews", "/reviews"), ("imports", "/imports"), ("analytics", "/analytics")]
    if customer:
        pages.insert(1, ("customer-360", f"/customers/{customer[0]}"))
    if case:
        pages.insert(3, ("voc-case", f"/voc/{case[0]}"))

    driver = make_driver(arguments.chromedriver)
    wait = WebDriverWait(driver, 10)
    try:
        for lang in ("ko", "en"):
            driver.delete_all_cookies()
            driver.get(f"{base}/login?lang={lang}")
            save(driver, arguments.out, f"{lang}-login")
            driver.find_element(By.ID, "username").send_keys("admin")
            driver.find_element(By.ID, "password").send_keys("dangol-admin", Keys.ENTER)
            wait.until(EC.url_contains("/customers"))
            for name, path in pages:
                separator = "&" if "?" in path else "?"
                driver.get(f"{base}{path}{separator}lang={lang}")
                save(driver, arguments.out, f"{lang}-{name}")
    finally:
        driver.quit()


def save(driver, out, name):
    height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    driver.set_window_size(1280, min(max(height, 800), 6000))
    path = os.path.join(out, name + ".png")
    driver.save_screenshot(path)
    print("saved", path)
    driver.set_window_size(1280, 1000)


if __name__ == "__main__":
    main()
