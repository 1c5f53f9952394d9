"""Settings: every environment variable is documented, and production refuses to guess."""

import os
import re
import subprocess
import sys
from pathlib import Path

from nearer.lib import env

ROOT = Path(__file__).resolve().parents[2]


def documented_settings() -> set[str]:
    readme = (ROOT / "README.md").read_text()
    return set(re.findall(r"^\| `([A-Z_][A-Z0-9_]*)` \|", readme, flags=re.MULTILINE))


def test_every_setting_read_from_the_environment_is_documented_in_the_readme():
    import nearer.settings  # noqa: F401  (reading settings fills env.READ)

    assert env.READ, "settings should read through nearer.lib.env"
    missing = env.READ - documented_settings()
    assert not missing, f"add these to the README's configuration table: {sorted(missing)}"


def test_the_readme_documents_no_setting_that_does_not_exist():
    import nearer.settings  # noqa: F401

    assert documented_settings() - env.READ == set()


def run_manage(*args: str, **environ: str) -> subprocess.CompletedProcess:
    # A clean production-like environment: none of our settings, no Django test switches
    # (the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for their own process).
    clean = {
        k: v for k, v in os.environ.items() if k not in env.READ and not k.startswith("DJANGO_")
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **environ},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-secret-" + "k" * 40,
        ALLOWED_HOSTS="nearer.example.org",
        SITE_URL="https://nearer.example.org",
        HTTPS="1",
        NEARER_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_manage("check", NEARER_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "needs a secret key" in result.stderr


def test_the_key_file_written_by_make_run_is_used(tmp_path):
    (tmp_path / "secret_key").write_text("from-the-key-file-" + "z" * 40)
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        NEARER_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "from-the-key-file-" + "z" * 40


def test_debug_is_off_unless_asked():
    from django.conf import settings

    assert settings.DEBUG is False


def test_sending_email_gives_up_rather_than_holding_a_page_thread_for_ever():
    from django.conf import settings

    assert 0 < settings.EMAIL_TIMEOUT <= 30
