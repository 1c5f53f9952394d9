"""A real, tiny OpenAI-compatible server on 127.0.0.1 for the language-model backend's tests.

It is the network edge, not a mock of our code: the coach speaks HTTP to it exactly as it would
to llama.cpp or Ollama. Each test tells it what to answer.
"""

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class FakeModel:
    def __init__(self):
        self.reply: str | bytes = ""
        self.delay = 0.0
        self.requests: list[dict] = []


@pytest.fixture
def model_server(settings):
    model = FakeModel()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            body = self.rfile.read(length)
            model.requests.append({"path": self.path, "body": json.loads(body or b"{}")})
            if model.delay:
                time.sleep(model.delay)
            reply = model.reply if isinstance(model.reply, bytes) else model.reply.encode()
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.NEARER_COACH_LLM_URL = f"http://127.0.0.1:{server.server_port}/v1"
    settings.NEARER_COACH_LLM_MODEL = "tiny-test-model"
    settings.NEARER_COACH_LLM_TIMEOUT = 1
    yield model
    server.shutdown()
    server.server_close()


def chat_reply(content: str) -> str:
    """An OpenAI-style chat completion whose message is ``content``."""
    return json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]})


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 with nothing listening: connecting to it is refused."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
