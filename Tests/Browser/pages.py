#!/usr/bin/env python3
"""Loads pages of a served sitegen site in headless Chromium.

    pages.py check BASE_URL CONTENT    axe-core at WCAG 2.2 AA and the 320 px layout, on four pages;
                                       then live reload, by appending a line to a report in CONTENT
    pages.py screenshot BASE_URL PATH OUT.png

Exits 1 when a page has an accessibility violation or scrolls sideways at 320 px, 2 when the browser
cannot be started. Needs Debian's chromium and chromium-driver, and PyPI's selenium and
selenium-axe-python (which bundles axe-core).
"""
import json
import os
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
import selenium_axe_python

# One page of each kind a reader comes for.
PAGES = [
    "/",
    "/authorities/stoke-on-trent/",
    "/inspections/stoke-on-trent-apa-2007/",
    "/outcomes/staying-safe/",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
NARROW = 320
AXE_SCRIPT = os.path.join(os.path.dirname(selenium_axe_python.__file__), "axe-core", "axe.min.js")


def browser(width, height):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--force-device-scale-factor=1", f"--window-size={width},{height}"]:
        options.add_argument(argument)
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_script_timeout(60)
    return driver


def set_viewport(driver, width, height):
    """The layout viewport exactly `width` CSS pixels wide, whatever the window manager allows."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})


def axe_violations(driver):
    with open(AXE_SCRIPT, encoding="utf-8") as script:
        driver.execute_script(script.read())
    options = json.dumps({"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    results = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        f"axe.run(document, {options}).then(done, function (e) {{ done({{error: String(e)}}); }});")
    if "error" in results:
        raise RuntimeError(results["error"])
    return results["violations"]


def status(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def reloads_after_a_change(driver, base, content):
    """True when an open page reloads itself after a report in `content` changes."""
    set_viewport(driver, 1280, 900)
    driver.get(base + "/")
    driver.execute_script("window.sitegenBeforeReload = true;")
    report = sorted(name for name in os.listdir(content) if name.endswith(".txt"))[0]
    with open(os.path.join(content, report), "a", encoding="utf-8") as text:
        text.write("\nA line added by the browser test.\n")
    for _ in range(600):
        time.sleep(0.1)
        if driver.execute_script("return window.sitegenBeforeReload === undefined;"):
            return True
    return False


def accessibility_problems(driver, where):
    problems = []
    for violation in axe_violations(driver):
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            problems.append(f"{where}: {violation['id']} ({violation['impact']}): {violation['help']}: {target}")
    return problems


def check(base, content):
    # A missing page would be answered by the site's 404 page, which could pass every check below.
    problems = [f"{path}: answered with status {code}, not 200" for path in PAGES if (code := status(base + path)) != 200]
    driver = browser(1280, 900)
    try:
        for path in PAGES:
            driver.get(base + path)
            problems += accessibility_problems(driver, path)
        set_viewport(driver, NARROW, 800)
        for path in PAGES:
            driver.get(base + path)
            problems += accessibility_problems(driver, f"{path} at {NARROW} px")
            width = driver.execute_script("return document.documentElement.scrollWidth")
            if width > NARROW:
                wide = driver.execute_script(
                    "return Array.from(document.querySelectorAll('body *'))"
                    ".filter(e => e.getBoundingClientRect().right > arguments[0] + 0.5)"
                    ".slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));", NARROW)
                problems.append(f"{path}: scrolls sideways at {NARROW} px (scrollWidth {width}); too wide: {', '.join(wide)}")
        if not reloads_after_a_change(driver, base, content):
            problems.append("/: did not reload within 60 s after a report changed")
    finally:
        driver.quit()
    for problem in problems:
        print(problem)
    print(f"{len(PAGES)} pages checked with {axe_version()} ({', '.join(WCAG_TAGS)}) at 1280 and {NARROW} px, "
          f"for sideways scrolling at {NARROW} px, and for live reload: {len(problems)} problems.")
    return 1 if problems else 0


def axe_version():
    """`axe v4.9.1`, from the banner at the top of the bundled script."""
    with open(AXE_SCRIPT, encoding="utf-8") as script:
        return script.readline().strip("/*! \n")


def screenshot(base, path, out):
    driver = browser(1280, 900)
    try:
        driver.get(base + path)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1280, min(max(height, 480), 2400))
        driver.get(base + path)
        driver.save_screenshot(out)
    finally:
        driver.quit()
    print(f"Saved {out} from {path}.")
    return 0


def main(argv):
    if len(argv) == 4 and argv[1] == "check":
        return check(argv[2].rstrip("/"), argv[3])
    if len(argv) == 5 and argv[1] == "screenshot":
        return screenshot(argv[2].rstrip("/"), argv[3], argv[4])
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except Exception as error:  # the browser or driver failed to start or crashed
        print(f"error: {error}", file=sys.stderr)
        sys.exit(2)
