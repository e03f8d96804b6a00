"""The API against its own description: schemathesis generates requests from docs/openapi.yaml (at most 300 in
all) against a running `intervision serve` holding one planned programme. No answer may be a 5xx, and every
answer must match the schema of its status code.

    python3 webapp_schema.py BIN
"""
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIX = os.path.join(ROOT, "Fixtures")
TOKEN = "schema-test-token-0123456789abcdef"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, body=None, content_type="application/json"):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.request(method, path, body=body, headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": content_type})
    r = c.getresponse()
    data = r.read()
    return r.status, data


def main():
    binary = sys.argv[1]
    schemathesis = os.path.join(os.path.dirname(sys.executable), "schemathesis")
    workspace = tempfile.mkdtemp()
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--port", str(port), "--workspace", workspace, "--token", TOKEN],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    server.stdout.readline()
    try:
        boundary = uuid.uuid4().hex
        body = b""
        for field, name in [("signups", "lerend-leiderschap-52.csv"), ("config", "lerend-leiderschap.toml"),
                            ("facilitators", "facilitators-lerend-leiderschap.csv")]:
            with open(os.path.join(FIX, name), "rb") as f:
                body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\n\r\n"
                         ).encode() + f.read() + b"\r\n"
        body += f"--{boundary}--\r\n".encode()
        status, data = request(port, "POST", "/api/programmes", body, f"multipart/form-data; boundary={boundary}")
        assert status == 201, (status, data)
        pid = json.loads(data)["id"]
        status, data = request(port, "POST", f"/api/programmes/{pid}/plan", b"{}")
        job = json.loads(data)["job"]
        for _ in range(600):
            view = json.loads(request(port, "GET", f"/api/jobs/{job}")[1])
            if view["state"] not in ("queued", "running"):
                break
            time.sleep(0.1)
        assert view["state"] == "done", view
        # Half of the examples name the planned programme and its job, so the routes behind a 404 are reached.
        config = os.path.join(workspace, "schemathesis.toml")
        with open(config, "w") as f:
            f.write(f'[parameters]\n"path.id" = "{pid}"\n"path.job" = "{job}"\n')
        started = time.time()
        runs = []
        for extra in ([], ["--config-file", config]):
            command = [schemathesis] + extra + [
                "run", os.path.join(ROOT, "docs", "openapi.yaml"), "--url", f"http://127.0.0.1:{port}",
                "--header", f"Authorization: Bearer {TOKEN}", "--max-examples", "25", "--seed", "1",
                "--checks", "not_a_server_error,response_schema_conformance,content_type_conformance",
                "--exclude-path-regex", "events$", "--request-timeout", "30", "--no-color",
                "--phases", "examples,fuzzing"]
            print(" ".join(c if "Bearer" not in c else "Authorization: Bearer ***" for c in command[1:]))
            result = subprocess.run(command, text=True, capture_output=True, cwd=workspace)
            print(result.stdout[-6000:] if result.returncode else result.stdout[-1200:])
            runs.append(result.returncode)
        print(f"schemathesis: {time.time() - started:.1f} s")
        if any(runs):
            sys.exit(1)
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(workspace, ignore_errors=True)


if __name__ == "__main__":
    main()
