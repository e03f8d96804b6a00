"""The web app in a real browser (Debian's chromium + chromedriver, driven by selenium), as an organiser uses it.

The whole flow on the 52 fixture: a bad upload shows its problems with their rows; the real upload; plan; seven
group cards; a refused move shows its reason; an allowed move shows its metric change and is carried out; the zip
downloaded from the page holds calendars that icalendar reads; a dropout replan from the changes page. Then the
same steps by keyboard only, a participant whose name is markup, and the security answers over raw HTTP.
Outcomes are re-checked from the files the server wrote, not from the page.

    python3 webapp_browser.py BIN [--screenshots DIR]
"""
import csv
import http.client
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import zipfile

import icalendar
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIX = os.path.join(ROOT, "Fixtures")
TOKEN = "browser-test-token-0123456789abcdef"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(binary, workspace, port):
    server = subprocess.Popen(
        [binary, "serve", "--port", str(port), "--workspace", workspace, "--token", TOKEN],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = server.stdout.readline()
    if f"http://127.0.0.1:{port}/?token={TOKEN}" not in line:
        raise SystemExit(f"the server did not print its address: {line!r}")
    return server


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--lang=nl-NL"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                              "download.prompt_for_download": False})
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def wait(driver, condition, seconds=60, what="condition"):
    try:
        # A page that reloads while it is read (the replan's result replacing the form) is read again, not a failure.
        return WebDriverWait(
            driver, seconds, poll_frequency=0.1,
            ignored_exceptions=[NoSuchElementException, StaleElementReferenceException],
        ).until(lambda d: condition(d))
    except Exception:
        check(False, f"timed out waiting for {what} on {driver.current_url}")
        return None


def shot(driver, folder, name, full=True):
    if not folder:
        return
    if full:
        height = driver.execute_script("return Math.min(document.body.scrollHeight, 6000)")
        driver.set_window_size(1280, max(900, height))
    driver.save_screenshot(os.path.join(folder, name))
    driver.set_window_size(1280, 900)


def groups(workspace, pid):
    out = {}
    with open(os.path.join(workspace, pid, "plan", "groups.csv"), encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["group"], []).append(row["email"])
    return out


def people():
    with open(os.path.join(FIX, "lerend-leiderschap-52.csv"), encoding="utf-8") as f:
        return {r["email"]: r for r in csv.DictReader(f)}


def away(gs, who):
    total = 0
    for members in gs.values():
        regions = {}
        for e in members:
            regions[who[e]["region"]] = regions.get(who[e]["region"], 0) + 1
        total += len(members) - max(regions.values())
    return total


def upload(driver, base, files):
    driver.get(base + "/nieuw")
    for field, path in files.items():
        driver.find_element(By.ID, f"u-{field}").send_keys(path)
    driver.find_element(By.CSS_SELECTOR, "#new-programme button[type=submit]").click()


def plan_from_page(driver):
    driver.find_element(By.CSS_SELECTOR, "#plan-form button[type=submit]").click()
    wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".card")) > 0, 120, "the group cards")


def verdict(driver):
    box = wait(driver, lambda d: (lambda t: t if t and "Controleren …" not in t else None)(
        d.find_element(By.ID, "verdict-text").text), 30, "the verdict")
    return box or ""


def flow(driver, base, workspace, shots):
    who = people()
    driver.get(base + f"/?token={TOKEN}")
    check("token" not in driver.current_url, "the token stays in the address bar")
    check(driver.find_element(By.TAG_NAME, "h1").text == "Programma's", "the programmes page is in Dutch")
    shot(driver, shots, "web-programmes-empty.png")

    # A bad file: every problem with its row.
    upload(driver, base, {"signups": os.path.join(FIX, "bad", "03-duplicate-email.csv")})
    rows = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#problems pre.row"), 30, "the problem rows")
    with open(os.path.join(FIX, "bad", "03-duplicate-email.csv"), encoding="utf-8") as f:
        line4 = f.read().splitlines()[3]
    check(rows and rows[0].text == line4, "the bad row is shown as it is in the file")
    check("regel 4" in driver.find_element(By.ID, "problems").text, "the problem names its line")
    check("staat al op regel 2" in driver.find_element(By.ID, "problems").text, "the problem is told in Dutch")
    check(os.listdir(workspace) == [], "a bad upload stores nothing")
    shot(driver, shots, "web-new-problems.png")

    # Wishes that cannot all hold: told in Dutch with their lines, the sign-ups' warnings too, and nothing stored.
    with open(os.path.join(FIX, "lerend-leiderschap-52.csv"), encoding="utf-8") as f:
        a, b = [line.split(",")[1] for line in f.read().splitlines()[1:3]]
    wishes = os.path.join(tempfile.mkdtemp(), "wensen.csv")
    with open(wishes, "w", encoding="utf-8") as f:
        f.write(f"soort,persoon,ander\nniet_samen,{a},{b}\nsamen,{a},{b}\n")
    upload(driver, base, {"signups": os.path.join(FIX, "lerend-leiderschap-52.csv"), "wishes": wishes})
    text = wait(driver, lambda d: (lambda t: t if "regel" in t else None)(d.find_element(By.ID, "problems").text),
                30, "the wish problems")
    check("zowel samen als niet samen" in text and "regel 3" in text and "(together)" not in text,
          "a contradicting wish is told in Dutch")
    check("is de school van geen enkele deelnemer" in text and "matches no" not in text,
          "the sign-ups' warnings are told in Dutch")
    items = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#problems ol.problems > li")]
    errors = [i for i in items if not i.startswith("Waarschuwing")]
    heading = driver.find_element(By.CSS_SELECTOR, "#problems h2").text
    check(items and not items[0].startswith("Waarschuwing"), "what must be fixed comes before the warnings")
    check(errors and len(errors) < len(items) and heading.startswith(f"De invoer klopt niet ({len(errors)})")
          and f"{len(items) - len(errors)} waarschuwing" in heading,
          f"the heading counts the errors and the warnings apart ({heading!r}, {len(items)} items)")
    check(os.listdir(workspace) == [], "a refused wishes file stores nothing")
    shot(driver, shots, "web-new-wish-problems.png")

    # The real upload, then plan.
    upload(driver, base, {"signups": os.path.join(FIX, "lerend-leiderschap-52.csv"),
                          "facilitators": os.path.join(FIX, "facilitators-lerend-leiderschap.csv"),
                          "config": os.path.join(FIX, "lerend-leiderschap.toml")})
    wait(driver, lambda d: "/programma/" in d.current_url, 30, "the programme page")
    pid = driver.current_url.rstrip("/").split("/")[-1]
    check(pid == "lerend-leiderschap-2027", f"the programme id is made from its name ({pid})")
    plan_from_page(driver)
    cards = driver.find_elements(By.CSS_SELECTOR, ".card")
    check(len(cards) == 7, f"7 group cards ({len(cards)})")
    before = groups(workspace, pid)
    check(len(before) == 7 and sum(map(len, before.values())) == 52, "groups.csv holds 52 people in 7 groups")
    shot(driver, shots, "web-result.png")

    # A refused move: someone into a group with a colleague from the same school.
    refused = next(((a, h) for g, ms in sorted(before.items()) for h, os_ in sorted(before.items()) if h != g
                    for a in ms for b in os_ if who[a]["school"] == who[b]["school"]), None)
    check(refused is not None, "the fixture has colleagues in different groups")
    Select(driver.find_element(By.ID, "move-person")).select_by_value(refused[0])
    Select(driver.find_element(By.ID, "move-group")).select_by_value(refused[1])
    driver.find_element(By.CSS_SELECTOR, "#move-form button").click()
    text = verdict(driver)
    check("Dit mag niet" in text and "school" in text, f"the refused move gives its reason: {text!r}")
    check("de gevraagde wijziging breekt" in text and "collega's van dezelfde school" in text
          and "the requested change" not in text and "--move" not in text,
          f"a Dutch page gives the refusal in Dutch, with changes made in the app: {text!r}")
    check(not driver.find_element(By.ID, "apply").is_displayed(), "a refused move cannot be applied")
    driver.execute_script("document.getElementById('verdict').scrollIntoView()")
    if shots:
        driver.save_screenshot(os.path.join(shots, "web-move-refused.png"))

    # A move into a full group refused for its size offers someone to move out; "Bekijk dit" previews both moves,
    # which are allowed (nothing is carried out until "Doorvoeren").
    tried = False
    full = [g for g in sorted(before) if len(before[g]) == 8]
    for g in sorted(before):
        for person in before[g][:3]:
            for target in [f for f in full if f != g][:2]:
                Select(driver.find_element(By.ID, "move-person")).select_by_value(person)
                Select(driver.find_element(By.ID, "move-group")).select_by_value(target)
                driver.find_element(By.CSS_SELECTOR, "#move-form button").click()
                text = verdict(driver)
                buttons = driver.find_elements(By.CSS_SELECTOR, "#verdict button.try")
                if "Dit mag niet" not in text or "verplaats ook" not in text or not buttons:
                    continue
                check(buttons[0].text == "Bekijk dit", f"a suggestion can be tried: {buttons[0].text!r}")
                driver.execute_script("document.getElementById('verdict').scrollIntoView()")
                if shots:
                    driver.save_screenshot(os.path.join(shots, "web-move-suggestion.png"))
                buttons[0].click()
                text = verdict(driver)
                check(text.startswith("Dit mag."), f"the suggestion as it stands is allowed: {text!r}")
                moved = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#verdict ul.deltas li:not(.delta)")]
                check(len(moved) == 2 and any(li.endswith(f"→ {target}") for li in moved),
                      f"both moves are shown: {moved!r}")
                check(driver.find_element(By.ID, "apply").is_displayed(), "the tried suggestion can be applied")
                check(groups(workspace, pid) == before, "trying a suggestion writes nothing")
                tried = True
                break
            if tried:
                break
        if tried:
            break
    check(tried, "some move into a full group is refused for its size alone, with a suggestion to try")

    # An allowed move: from the largest group to the smallest; its metric change is shown, then applied.
    largest = max(sorted(before), key=lambda g: len(before[g]))
    smallest = min(sorted(before), key=lambda g: len(before[g]))
    mover = None
    for candidate in before[largest]:
        Select(driver.find_element(By.ID, "move-person")).select_by_value(candidate)
        Select(driver.find_element(By.ID, "move-group")).select_by_value(smallest)
        driver.find_element(By.CSS_SELECTOR, "#move-form button").click()
        text = verdict(driver)
        if text.startswith("Dit mag."):
            mover = candidate
            break
    check(mover is not None, "some move from the largest to the smallest group is allowed")
    line = next((li.text for li in driver.find_elements(By.CSS_SELECTOR, "#verdict li.delta")
                 if li.text.startswith("buiten eigen regio")), "")
    check(line.startswith(f"buiten eigen regio {away(before, who)} → "),
          f"the away change starts at the plan's value, in Dutch: {line!r}")
    deltas = " ".join(li.text for li in driver.find_elements(By.CSS_SELECTOR, "#verdict li.delta"))
    check("niveaustappen" in deltas and "herhaalde functies" in deltas and "spread" not in deltas,
          f"every metric in Dutch: {deltas!r}")
    card = driver.find_element(By.CSS_SELECTOR, ".card p.meta").text
    check("buiten eigen regio" in card and "away" not in card, f"a group's figures in Dutch: {card!r}")
    driver.execute_script("document.getElementById('verdict').scrollIntoView()")
    if shots:
        driver.save_screenshot(os.path.join(shots, "web-move-allowed.png"))
    driver.find_element(By.ID, "apply").click()
    wait(driver, lambda d: "versie 2" in d.find_element(By.CSS_SELECTOR, "p.sub").text, 60, "version 2")
    after = groups(workspace, pid)
    check(mover in after[smallest] and mover not in after[largest], "the move is in groups.csv")
    check(line.startswith(f"buiten eigen regio {away(before, who)} → {away(after, who)} "),
          f"the shown change matches groups.csv: {line!r}, recomputed {away(after, who)}")

    # The zip from the page: every calendar parses.
    downloads = DOWNLOADS
    driver.find_element(By.LINK_TEXT, "Alles in één zip").click()
    path = wait(driver, lambda d: next((os.path.join(downloads, f) for f in os.listdir(downloads)
                                        if f.endswith(".zip")), None), 30, "the zip download")
    if path:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            ics = [n for n in names if n.endswith(".ics")]
            check("plan/plan.json" in names and len(ics) > 50, f"the zip holds the plan and its calendars ({len(ics)})")
            for n in ics:
                cal = icalendar.Calendar.from_ical(z.read(n))
                check(len(cal.walk("VEVENT")) > 0, f"{n} has events")

    # Calendar page.
    driver.get(base + f"/programma/{pid}/kalender")
    check(len(driver.find_elements(By.CSS_SELECTOR, "table.cal")) >= 5, "the calendar shows the months")
    shot(driver, shots, "web-calendar.png")

    # A dropout from the changes page: the proposal first, then applied.
    driver.get(base + f"/programma/{pid}/wijzigingen")
    leaver = after["G01"][0]
    driver.execute_script("document.getElementById('c-from').value = '2027-03-01'")
    box = driver.find_element(By.CSS_SELECTOR, f"input[name=drop][value='{leaver}']")
    driver.execute_script("arguments[0].scrollIntoView()", box)
    box.click()
    driver.find_element(By.CSS_SELECTOR, "#changes-form button[type=submit]").click()
    wait(driver, lambda d: d.find_element(By.ID, "proposal").is_displayed(), 60, "the proposal")
    proposal = driver.find_element(By.ID, "proposal-text").text
    check("Versie 3 zou ontstaan" in proposal and "Nieuwe bestanden sturen aan" in proposal,
          f"the proposal says what would happen: {proposal[:200]!r}")
    check(leaver in sum(groups(workspace, pid).values(), []), "the proposal changed nothing")
    driver.execute_script("document.getElementById('proposal').scrollIntoView()")
    if shots:
        driver.save_screenshot(os.path.join(shots, "web-changes-proposal.png"))
    driver.find_element(By.ID, "commit").click()
    wait(driver, lambda d: d.current_url.endswith(f"/programma/{pid}"), 60, "back on the programme page")
    wait(driver, lambda d: "versie 3" in d.find_element(By.CSS_SELECTOR, "p.sub").text, 30, "version 3")
    check(leaver not in sum(groups(workspace, pid).values(), []), "the leaver is out of groups.csv")
    driver.get(base + f"/programma/{pid}/wijzigingen")
    check(len(driver.find_elements(By.CSS_SELECTOR, "table.list tbody tr")) == 3, "three versions in the history")
    summaries = [s.text for s in driver.find_elements(By.CSS_SELECTOR, "details summary") if "changes.md" in s.text]
    check(summaries == ["changes.md — versie 3", "changes.md — versie 2"], f"each version's changes.md: {summaries}")
    shot(driver, shots, "web-changes.png")
    driver.get(base + "/")
    shot(driver, shots, "web-programmes.png")
    return pid


def keyboard(driver, base, pid):
    """The same flow without a mouse: links, selects and buttons reached by Tab and used by keys."""
    driver.delete_all_cookies()
    driver.get(base + f"/?token={TOKEN}")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)

    def tab_to(predicate, limit=400):
        for _ in range(limit):
            el = driver.switch_to.active_element
            if predicate(el):
                return el
            el.send_keys(Keys.TAB)
        check(False, "Tab never reached the element")
        return None

    link = tab_to(lambda e: e.tag_name == "a" and (e.get_attribute("href") or "").endswith(f"/programma/{pid}"))
    if link:
        check(driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle", link) != "none",
              "the focused link shows a focus ring")
        link.send_keys(Keys.ENTER)
    wait(driver, lambda d: d.current_url.endswith(f"/programma/{pid}"), 20, "the programme page by keyboard")
    select = tab_to(lambda e: e.get_attribute("id") == "move-person")
    if select:
        select.send_keys(Keys.ARROW_DOWN)
        select.send_keys(Keys.TAB)
        driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
        button = tab_to(lambda e: e.tag_name == "button" and e.find_element(By.XPATH, "..").get_attribute("id") == "move-form")
        if button:
            button.send_keys(Keys.ENTER)
            text = verdict(driver)
            check(text.startswith("Dit mag") , f"a move checked by keyboard gets a verdict: {text[:80]!r}")
            check(driver.switch_to.active_element.get_attribute("id") == "verdict", "focus moves to the verdict")
    # The changes page is reachable from the tabs by keyboard.
    tab = tab_to(lambda e: e.tag_name == "a" and (e.get_attribute("href") or "").endswith("/wijzigingen"))
    if tab:
        tab.send_keys(Keys.ENTER)
        wait(driver, lambda d: d.current_url.endswith("/wijzigingen"), 20, "the changes page by keyboard")
        field = tab_to(lambda e: e.get_attribute("id") == "drop-filter")
        check(field is not None, "the dropout search is reachable by keyboard")


def markup_name(driver, base, workspace):
    with open(os.path.join(FIX, "lerend-leiderschap-52.csv"), encoding="utf-8") as f:
        text = f.read().replace("Esther Vos,", "<img src=x onerror=alert(1)>,", 1)
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "xss.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    upload(driver, base, {"signups": path, "config": os.path.join(FIX, "lerend-leiderschap.toml")})
    wait(driver, lambda d: "/programma/" in d.current_url, 30, "the programme page")
    plan_from_page(driver)
    check(driver.execute_script("return document.querySelectorAll('img[src=x]').length") == 0,
          "the DOM holds no element made from the name")
    check("<img src=x onerror=alert(1)>" in driver.find_element(By.TAG_NAME, "main").text, "the name shows as text")
    try:
        driver.switch_to.alert
        check(False, "an alert fired")
    except NoAlertPresentException:
        pass


def impossible_plan(driver, base, shots):
    """Eight colleagues among fourteen: two groups cannot keep them apart. The check says so with what would help,
    and planning anyway fails with the people behind it and the changes, in Dutch, one per line."""
    header = "name,email,function,level,school,board,region,town,reports_to,competitors,experience_years,unavailable\n"
    rows = [f"Baken {i},baken{i}@hetbaken.nl,teamleider,,Het Baken,,Utrecht,Utrecht,,,5,\n" for i in range(1, 9)]
    rows += [f"Ander {i},ander{i}@school{i}.nl,teamleider,,School {i},,Utrecht,Utrecht,,,5,\n" for i in range(1, 7)]
    path = os.path.join(tempfile.mkdtemp(), "baken.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(header + "".join(rows))
    upload(driver, base, {"signups": path})
    wait(driver, lambda d: "/programma/" in d.current_url, 30, "the programme page")
    helps = [li.text for li in driver.find_elements(By.CSS_SELECTOR, ".signals li.bad .helps li")]
    # Groups of one or two are no help; the school rule or fewer of the eight is.
    check(len(helps) == 2 and helps[0].startswith('[rules] separate zonder "school"')
          and helps[1].startswith("neem hoogstens 1 van deze 8 mensen op"), f"the check says what would help: {helps!r}")
    driver.find_element(By.CSS_SELECTOR, "#plan-form button[type=submit]").click()
    box = wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "#job .failure"), 60, "the failure")
    words = driver.find_element(By.CSS_SELECTOR, "#job .job-words").text
    check(words == "Niet gelukt: deze 8 mensen van Het Baken moeten allemaal in verschillende groepen, maar er zijn "
          "maar 2 groepen", f"the failure's headline in Dutch: {words!r}")
    details = [li.text for li in box.find_elements(By.CSS_SELECTOR, "ul.details li")]
    check(len(details) == 9 and sum(d.startswith("Baken ") for d in details) == 8
          and details[-1] == "verbonden paren onder hen: 28 door `school`", f"who is behind it, one per line: {details!r}")
    check("Wat helpt:" in box.text and box.find_elements(By.CSS_SELECTOR, "ul.suggestions li"),
          f"what would help: {box.text!r}")
    shot(driver, shots, "web-plan-impossible.png")


def raw(port, method, path, headers=None, body=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, data


def security(port):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    check(raw(port, "GET", "/api/programmes")[0] == 401, "no token: 401")
    check(raw(port, "GET", "/")[0] == 401, "a page without token: 401")
    check(raw(port, "GET", "/api/programmes", {**auth, "Host": f"evil.example:{port}"})[0] == 421, "wrong Host: 421")
    check(raw(port, "GET", "/api/programmes", {**auth, "Host": f"localhost:{port}"})[0] == 200, "localhost: 200")
    big = b"--b\r\nContent-Disposition: form-data; name=\"signups\"; filename=\"a.csv\"\r\n\r\n" + b"a" * (21 << 20)
    status = raw(port, "POST", "/api/programmes",
                 {**auth, "Content-Type": "multipart/form-data; boundary=b"}, big)[0]
    check(status == 413, f"21 MB upload: 413 ({status})")
    for path in ["/api/programmes/..%2F..%2Fetc", "/api/programmes/../../etc/passwd", "/programma/..%2Fx",
                 "/api/programmes/lerend-leiderschap-2027/files/..%2Finputs%2Fsignups.csv"]:
        check(raw(port, "GET", path, auth)[0] == 404, f"{path}: 404")


DOWNLOADS = tempfile.mkdtemp()


def main():
    binary = sys.argv[1]
    shots = sys.argv[sys.argv.index("--screenshots") + 1] if "--screenshots" in sys.argv else None
    workspace = tempfile.mkdtemp()
    port = free_port()
    server = start_server(binary, workspace, port)
    base = f"http://127.0.0.1:{port}"
    driver = browser(DOWNLOADS)
    try:
        started = time.time()
        pid = flow(driver, base, workspace, shots)
        keyboard(driver, base, pid)
        markup_name(driver, base, workspace)
        impossible_plan(driver, base, shots)
        security(port)
        print(f"browser flow: {time.time() - started:.1f} s")
    finally:
        driver.quit()
        server.terminate()
        server.wait(10)
        shutil.rmtree(workspace, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failures")
        sys.exit(1)
    print("web app in the browser: all checks passed")


if __name__ == "__main__":
    main()
