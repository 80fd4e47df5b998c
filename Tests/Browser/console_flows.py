"""The console in a real browser: headless Chromium driven through chromedriver (WebDriver) by Selenium.

Runs against a `dangol demo` server (see scripts/browser-test.sh) and walks what a store employee does every day:
sign in, register a customer, find them again by the last four digits of their phone, open the 360° view, record a
complaint, adjust points, switch the language, and move through the page with the keyboard.
"""
import argparse
import sys
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = "http://127.0.0.1:18080"
CHROMEDRIVER = "/usr/bin/chromedriver"
PHONE = "010-2468-1357"
NAME = "브라우저 시험"


def make_driver(chromedriver, lang="ko-KR"):
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000",
                     f"--lang={lang}"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)


class ConsoleFlows(unittest.TestCase):
    driver = None

    @classmethod
    def setUpClass(cls):
        cls.driver = make_driver(CHROMEDRIVER)
        cls.wait = WebDriverWait(cls.driver, 10)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    # Helpers

    def open(self, path):
        self.driver.get(BASE + path)

    def fill(self, element_id, text):
        field = self.driver.find_element(By.ID, element_id)
        field.clear()
        field.send_keys(text)

    def submit_form_of(self, element_id):
        self.driver.find_element(By.ID, element_id).find_element(By.XPATH, "./ancestor::form").find_element(
            By.CSS_SELECTOR, "button[type=submit].button-primary").click()

    def sign_in(self, username="agent1", password="dangol-agent"):
        self.driver.delete_all_cookies()  # each flow starts signed out
        self.open("/login")
        self.fill("username", username)
        self.fill("password", password)
        self.driver.find_element(By.ID, "password").send_keys(Keys.ENTER)
        self.wait.until(EC.url_contains("/customers"))

    # The flows, in the order an employee meets them (unittest sorts by name).

    def test_1_sign_in_rejects_a_wrong_password_then_accepts_the_right_one(self):
        self.open("/login")
        self.fill("username", "agent1")
        self.fill("password", "wrong-password")
        self.driver.find_element(By.ID, "password").send_keys(Keys.ENTER)
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "[role=alert], .alert-error")))
        self.assertIn("/login", self.driver.current_url)
        self.sign_in()
        self.assertEqual(self.driver.find_element(By.TAG_NAME, "h1").text.strip() != "", True)

    def test_2_register_then_find_by_phone_tail_and_open_the_360_view(self):
        self.sign_in()
        self.open("/customers/new")
        self.fill("displayName", NAME)
        self.fill("mobilePhone", PHONE)
        self.driver.find_element(By.ID, "displayName").find_element(By.XPATH, "./ancestor::form").submit()
        self.wait.until(EC.url_matches(r"/customers/[0-9a-f-]{36}"))
        self.open("/customers")
        search = self.driver.find_element(By.ID, "q")
        search.send_keys(PHONE[-4:])
        search.send_keys(Keys.ENTER)
        self.wait.until(EC.url_contains("q=1357"))
        link = self.wait.until(EC.element_to_be_clickable((By.LINK_TEXT, NAME)))
        link.click()
        self.wait.until(EC.url_matches(r"/customers/[0-9a-f-]{36}$"))
        self.assertEqual(self.driver.find_element(By.ID, "overview-heading").text, "360° 고객")
        page = self.driver.page_source
        self.assertIn("010-2468-1357", page)            # the owning agent sees the number in clear
        self.assertIn("회원 등급", page)
        type(self).customer_url = self.driver.current_url

    def test_3_record_a_complaint_and_see_it_on_the_board(self):
        self.sign_in()
        self.driver.get(self.customer_url)
        Select(self.driver.find_element(By.ID, "voc-kind")).select_by_value("complaint")
        Select(self.driver.find_element(By.ID, "voc-severity")).select_by_value("high")
        self.fill("voc-subject", "파손된 상품 도착 (브라우저)")
        self.fill("voc-description", "상자가 찢어져 있었습니다.")
        self.submit_form_of("voc-subject")
        self.wait.until(EC.url_matches(r"/voc/[0-9a-f-]{36}"))
        self.assertIn("고객의 소리를 접수했습니다.", self.driver.page_source)
        self.assertIn("접수됨", self.driver.find_element(By.TAG_NAME, "h1").text)
        case_url = self.driver.current_url.split("?")[0]
        self.open("/voc")
        self.assertIn("파손된 상품 도착 (브라우저)", self.driver.find_element(By.ID, "voc-received").find_element(By.XPATH, "..").text)
        # Resolve it with a resolution: the form refuses to resolve without one.
        self.driver.get(case_url)
        Select(self.driver.find_element(By.ID, "voc-to")).select_by_value("resolved")
        self.submit_form_of("voc-to")
        self.wait.until(EC.presence_of_element_located((By.ID, "voc-resolution-error")))
        Select(self.driver.find_element(By.ID, "voc-to")).select_by_value("resolved")
        self.fill("voc-resolution", "새 상품으로 교환")
        self.submit_form_of("voc-to")
        self.wait.until(EC.url_contains("flash=vocChanged"))
        self.assertIn("해결됨", self.driver.find_element(By.TAG_NAME, "h1").text)

    def test_4_adjust_points_with_a_reason(self):
        self.sign_in()
        self.driver.get(self.customer_url)
        before = self.driver.find_element(By.ID, "points-balance").text
        self.assertEqual(before, "0")
        self.fill("points-amount", "1500")
        self.fill("points-reason", "배송 지연 보상")
        self.submit_form_of("points-amount")
        self.wait.until(EC.url_contains("flash=points"))
        self.assertEqual(self.driver.find_element(By.ID, "points-balance").text, "1,500")
        # Deducting more than the balance is refused next to the form, and nothing changes.
        self.fill("points-amount", "-5000")
        self.fill("points-reason", "정정")
        self.submit_form_of("points-amount")
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#points [role=alert]")))
        self.assertEqual(self.driver.find_element(By.ID, "points-balance").text, "1,500")

    def test_5_switch_to_english_and_reach_the_content_by_keyboard(self):
        self.sign_in()
        self.driver.get(self.customer_url)
        self.driver.find_element(By.CSS_SELECTOR, "a.lang-switch").click()
        self.wait.until(EC.text_to_be_present_in_element((By.ID, "overview-heading"), "360° view"))
        self.assertEqual(self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang"), "en")
        # The first Tab lands on the skip link, which leads to the main content.
        self.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        focused = self.driver.switch_to.active_element
        self.assertIn("skip-link", focused.get_attribute("class"))
        self.assertEqual(focused.get_attribute("href").split("#")[-1], "main")
        # Back to Korean for whoever comes next.
        self.driver.find_element(By.CSS_SELECTOR, "a.lang-switch").click()

    def test_6_import_sales_and_read_the_rejected_rows(self):
        import os
        import tempfile
        self.sign_in()
        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as handle:
            handle.write("external_id,occurred_at,channel,mobile_phone,sku,quantity,unit_price\n")
            handle.write(f"B1,2026-11-01 10:00,store,{PHONE},A,1,15000\n")
            handle.write("B2,yesterday,store,,A,1,1000\n")
            path = handle.name
        try:
            self.open("/imports")
            self.fill("import-source", "browser-pos")
            self.driver.find_element(By.ID, "import-file").send_keys(path)
            self.submit_form_of("import-source")
            self.wait.until(EC.url_matches(r"/imports/[0-9a-f-]{36}$"))
            # The page refreshes itself until the run is done.
            WebDriverWait(self.driver, 30).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "완료"))
            page = self.driver.page_source
            self.assertIn("<dt>기록한 거래</dt><dd>1</dd>", page)
            self.assertIn("<dt>구매자 식별</dt><dd>1</dd>", page)      # the buyer found by the phone registered above
            self.assertIn("<dt>거부된 행</dt><dd>1</dd>", page)
            self.assertIn("occurred_at", self.driver.find_element(By.ID, "rejects-heading").find_element(By.XPATH, "..").text)
        finally:
            os.unlink(path)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default=BASE)
    parser.add_argument("--chromedriver", default=CHROMEDRIVER)
    arguments, rest = parser.parse_known_args()
    BASE = arguments.base.rstrip("/")
    CHROMEDRIVER = arguments.chromedriver
    result = unittest.main(argv=[sys.argv[0]] + rest, exit=False, verbosity=2).result
    sys.exit(0 if result.wasSuccessful() else 1)
