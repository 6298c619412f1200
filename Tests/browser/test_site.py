#!/usr/bin/env python3
"""Browser test of a built litbook site, in headless Chromium through Selenium.

    python3 Tests/browser/test_site.py SITE_DIR [--zh-term 卷积] [--en-term kernel]
        [--screenshot-page conv-layer.html] [--artifacts .build/artifacts]

The site is served over HTTP from a local port (as a course is published; a
page opened from a file may not fetch the search index). Checks, on every page:
no console errors, `<html lang>` set, every `<math>` element laid out as MathML
with a non-zero size, no horizontal scrolling at phone width. Then: the search
box finds a Chinese and an English term and the first result leads to an
existing heading anchor; emulating `prefers-color-scheme: dark` through the
DevTools protocol changes the page background; the print stylesheet hides the
navigation. Screenshots of one page at 390 px (phone) and 1280 px (desktop)
go to the artifact directory. Exit status 0 when every check passes.
"""

import argparse
import base64
import functools
import http.server
import os
import pathlib
import sys
import threading
import time
import urllib.parse

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

PHONE = (390, 844)
DESKTOP = (1280, 900)


class Checks:
    """Collects failures so one run reports every problem, then fails once."""

    def __init__(self):
        self.failures = []
        self.passed = 0

    def expect(self, condition, message):
        if condition:
            self.passed += 1
        else:
            self.failures.append(message)
            print(f"FAIL: {message}", flush=True)
        return condition


# MARK: - Serving the site

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def serve(directory):
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# MARK: - The browser

def browser(chromium, chromedriver):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", f"--window-size={DESKTOP[0]},{DESKTOP[1]}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)


def set_viewport(driver, width, height, mobile=False):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def set_media(driver, media="", dark=False):
    features = [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media, "features": features})


def open_page(driver, url):
    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]


def screenshot(driver, path, width, height, mobile):
    """A full-page PNG at the given viewport width."""
    set_viewport(driver, width, height, mobile)
    time.sleep(0.5)  # let layout transitions (the phone menu) settle
    full_height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(full_height, 12000), "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))


# MARK: - Checks on every page

MATH_REPORT = """
return Array.from(document.querySelectorAll('math')).map(function (m) {
  var r = m.getBoundingClientRect();
  return {ns: m.namespaceURI, display: getComputedStyle(m).display, width: r.width, height: r.height,
          tex: m.getAttribute('alttext') || ''};
});
"""


def check_page(driver, checks, url, name):
    set_viewport(driver, *DESKTOP)
    set_media(driver)
    driver.get_log("browser")  # drop messages of earlier pages
    open_page(driver, url)
    errors = console_errors(driver)
    checks.expect(not errors, f"{name}: console errors: {errors}")
    lang = driver.execute_script("return document.documentElement.lang")
    checks.expect(bool(lang), f"{name}: <html lang> is empty")
    maths = driver.execute_script(MATH_REPORT)
    for math in maths:
        checks.expect(math["ns"] == "http://www.w3.org/1998/Math/MathML",
                      f"{name}: <math> {math['tex']!r} is not a MathML element")
        checks.expect("math" in math["display"],
                      f"{name}: <math> {math['tex']!r} is not laid out as MathML (display: {math['display']})")
        checks.expect(math["width"] > 0 and math["height"] > 0,
                      f"{name}: <math> {math['tex']!r} has no size ({math['width']}×{math['height']})")
    set_viewport(driver, *PHONE, mobile=True)
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    checks.expect(overflow <= 1, f"{name}: the page scrolls sideways by {overflow}px at {PHONE[0]}px")
    set_viewport(driver, *DESKTOP)
    return len(maths)


# MARK: - Search, dark mode, print

def check_search(driver, checks, base, term):
    set_viewport(driver, *DESKTOP)
    open_page(driver, base + "index.html")
    field = driver.find_element(By.ID, "search-input")
    field.clear()
    field.send_keys(term)
    results = driver.find_element(By.ID, "search-results")
    try:
        WebDriverWait(driver, 10).until(
            lambda d: results.is_displayed() and (results.find_elements(By.CSS_SELECTOR, "a")
                                                  or results.find_elements(By.CSS_SELECTOR, ".search-message")))
    except TimeoutException:
        checks.expect(False, f"search {term!r}: no results box appeared")
        return
    links = results.find_elements(By.CSS_SELECTOR, "a")
    if not checks.expect(links, f"search {term!r}: nothing found ({results.text!r})"):
        return
    href = links[0].get_attribute("href")
    fragment = urllib.parse.unquote(urllib.parse.urlparse(href).fragment)
    checks.expect(bool(fragment), f"search {term!r}: the first result {href} links to no heading anchor")
    links[0].click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.split("#")[0] == href.split("#")[0])
    open_page(driver, href)
    if fragment:
        found = driver.execute_script("return document.getElementById(arguments[0]) !== null", fragment)
        checks.expect(found, f"search {term!r}: the result's anchor #{fragment} is not on its page")
    print(f"search {term!r}: {len(links)} result(s), first {urllib.parse.unquote(href)}")


def background(driver):
    return driver.execute_script("return getComputedStyle(document.body).backgroundColor")


def luminance(css_color):
    parts = [float(p) for p in css_color[css_color.index("(") + 1:css_color.index(")")].split(",")[:3]]
    return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]


def check_dark_mode(driver, checks, url):
    set_viewport(driver, *DESKTOP)
    set_media(driver, dark=False)
    open_page(driver, url)
    light = background(driver)
    set_media(driver, dark=True)
    dark = background(driver)
    set_media(driver, dark=False)
    checks.expect(light != dark, f"dark mode: the background stays {light}")
    checks.expect(luminance(dark) < luminance(light), f"dark mode: {dark} is not darker than {light}")
    print(f"colour scheme: light {light}, dark {dark}")


def check_print(driver, checks, url):
    open_page(driver, url)
    set_media(driver, media="print")
    hidden = driver.execute_script(
        "return ['.sidebar', '.site-header'].every(function (s) {"
        " var e = document.querySelector(s); return !e || getComputedStyle(e).display === 'none'; })")
    set_media(driver)
    checks.expect(hidden, "print: the navigation is not hidden by the print stylesheet")


# MARK: - Main

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=pathlib.Path, help="directory of a built site (index.html at its root)")
    parser.add_argument("--zh-term", default="卷积", help="a Chinese term the course contains")
    parser.add_argument("--en-term", default="kernel", help="an English term the course contains")
    parser.add_argument("--screenshot-page", default=None,
                        help="page to photograph (default: the first lesson page with math)")
    parser.add_argument("--artifacts", type=pathlib.Path, default=pathlib.Path(".build/artifacts"),
                        help="directory for the screenshots")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--chromedriver", default=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    arguments = parser.parse_args()

    site = arguments.site.resolve()
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    if "index.html" not in pages:
        sys.exit(f"{site} holds no index.html: build the site first")
    arguments.artifacts.mkdir(parents=True, exist_ok=True)
    checks = Checks()
    server, base = serve(site)
    driver = browser(arguments.chromium, arguments.chromedriver)
    try:
        math_pages = []
        for page in pages:
            count = check_page(driver, checks, base + urllib.parse.quote(page), page)
            print(f"{page}: {count} formula(s)")
            if count:
                math_pages.append(page)
        checks.expect(math_pages, "no page holds math")
        check_search(driver, checks, base, arguments.zh_term)
        check_search(driver, checks, base, arguments.en_term)
        shot_page = arguments.screenshot_page or (math_pages[0] if math_pages else "index.html")
        check_dark_mode(driver, checks, base + urllib.parse.quote(shot_page))
        check_print(driver, checks, base + urllib.parse.quote(shot_page))
        stem = pathlib.PurePosixPath(shot_page).stem
        for label, (width, height), mobile in (("phone", PHONE, True), ("desktop", DESKTOP, False)):
            open_page(driver, base + urllib.parse.quote(shot_page))
            path = arguments.artifacts / f"{stem}-{label}-{width}.png"
            screenshot(driver, path, width, height, mobile)
            set_media(driver, dark=True)
            screenshot(driver, arguments.artifacts / f"{stem}-{label}-{width}-dark.png", width, height, mobile)
            set_media(driver)
            print(f"screenshot: {path}")
    finally:
        driver.quit()
        server.shutdown()
    print(f"{checks.passed} checks passed, {len(checks.failures)} failed, {len(pages)} page(s)")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
