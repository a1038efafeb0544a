"""The build's faults and concurrency: one run per output folder, workers that die with the build,
SIGTERM cleaned up like Ctrl-C, and the machine's faults as one message naming the path."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import atomic_files
from pipeline.atomic_files import OutputWriter, write_atomic
from pipeline.build import lock, records, release
from pipeline.build.lock import output_lock
from pipeline.cli import main
from pipeline.errors import HandoutError
from tests.projects import copy_project

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


_HOLDERS: list[subprocess.Popen] = []  # processes started with a pipe to read


@pytest.fixture(autouse=True)
def _close_holders():
    """Each holder's pipe closed after its test (left open, the garbage collector warns at random)."""
    yield
    while _HOLDERS:
        process = _HOLDERS.pop()
        if process.poll() is None:
            process.kill()
        process.wait()
        process.stdout.close()


def _holder(folder: Path, then: str = "time.sleep(60)") -> subprocess.Popen:
    """Another process holding folder's lock (until killed, or `then` returns)."""
    code = (f"import time, sys; from pathlib import Path; from pipeline.build.lock import output_lock\n"
            f"with output_lock(Path({str(folder)!r}), 'handout build --output test'):\n"
            f"    print('held', flush=True); {then}\n")
    process = subprocess.Popen([PYTHON, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    _HOLDERS.append(process)
    assert process.stdout.readline().strip() == "held"
    return process


def _gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split()[0] in ("Z", "X")
    except (FileNotFoundError, IndexError):
        return True


def test_a_second_run_names_the_holder_and_leaves_its_outputs(tmp_path):
    output = tmp_path / "build"
    other = _holder(output)
    try:
        (output / "manifest.json").write_text("{}")
        with pytest.raises(HandoutError, match=rf"{other.pid} \(handout build --output test, since "):
            with output_lock(output, wait=0):
                pass
        result = CliRunner().invoke(main, ["build", "--root", str(ROOT), "--output", str(output)],
                                    env={"HANDOUT_LOCK_WAIT": "0.3"})
        assert result.exit_code == 1 and f"is in use by pid {other.pid}" in result.output
        assert "Traceback" not in result.output
        assert (output / "manifest.json").exists()  # the holder's, not the waiting run's to remove
    finally:
        other.kill()
        other.wait()


def test_a_second_run_waits_for_the_holder_to_finish(tmp_path):
    output = tmp_path / "build"
    other = _holder(output, then="time.sleep(0.5)")
    notices: list[str] = []
    started = time.monotonic()
    with output_lock(output, wait=10, notice=notices.append):
        waited = time.monotonic() - started
        assert lock.holder(output / lock.LOCK)[0] == os.getpid()
    other.wait()
    assert 0.3 < waited < 5  # the lock came when the holder let go, not before
    assert notices and f"waiting up to 10 s for pid {other.pid}" in notices[0]
    assert (output / lock.LOCK).read_text() == ""  # released cleanly: nothing left to take over


def test_a_killed_holder_is_taken_over_with_a_notice(tmp_path):
    output = tmp_path / "build"
    other = _holder(output)
    other.send_signal(signal.SIGKILL)
    other.wait()
    notices: list[str] = []
    with output_lock(output, wait=2, notice=notices.append):  # the kernel released its flock
        assert lock.holder(output / lock.LOCK)[0] == os.getpid()
    assert any(f"taken over from pid {other.pid}" in n and "no longer running" in n for n in notices)


def test_nested_holds_in_one_process_are_one(tmp_path):
    with output_lock(tmp_path, wait=0):
        with output_lock(tmp_path, wait=0):  # release -> build of the same folder
            pass
        assert lock.holder(tmp_path / lock.LOCK)[0] == os.getpid()


def test_workers_die_when_the_build_is_killed(tmp_path):
    code = ("import time; from pipeline.build.render_pool import start_executor\n"
            "pool = start_executor(2)\n"
            "futures = [pool.submit(time.sleep, 60) for _ in range(2)]\n"
            "time.sleep(0.5)\n"
            "print(*pool._processes, flush=True)\n"
            "time.sleep(60)\n")
    parent = subprocess.Popen([PYTHON, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    _HOLDERS.append(parent)  # its pipe closed after the test
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert len(workers) == 2 and not any(_gone(pid) for pid in workers)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while not all(_gone(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if not _gone(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers {left} outlived the killed build"


def _small_project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", templates=True)


def test_sigterm_cleans_up_like_ctrl_c(tmp_path):
    root, output = _small_project(tmp_path), tmp_path / "build"
    output.mkdir()
    for name in ("manifest.json", "report.json"):
        (output / name).write_text("{}")  # an earlier build's
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    process = subprocess.Popen([str(Path(PYTHON).parent / "handout"), "build", "--root", str(root), "--output",
                                str(output), "--jobs", "1"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 20
    while lock.holder(output / lock.LOCK) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode != 0 and "stopped by SIGTERM" in stderr and "Traceback" not in stderr
    assert not (output / "manifest.json").exists() and not (output / "report.json").exists()
    assert not list(output.rglob("*.tmp")) and not list(output.rglob("*.pdf"))
    assert (output / lock.LOCK).read_text() == ""  # released on the way out


def test_a_config_error_leaves_no_manifest(tmp_path):
    root, output = _small_project(tmp_path), tmp_path / "build"
    (root / "clinic.yaml").write_text("name: [unclosed\n")
    output.mkdir()
    for name in ("manifest.json", "report.json", "en.pdf"):
        (output / name).write_text("{}")
    result = CliRunner().invoke(main, ["build", "--root", str(root), "--output", str(output)])
    assert result.exit_code == 1 and "clinic.yaml" in result.output and "Traceback" not in result.output
    assert not (output / "manifest.json").exists() and not (output / "report.json").exists()
    assert (output / "en.pdf").exists()  # unlisted; its record lets the next build keep it if current


def _enospc(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _eacces(*_args, **_kwargs):
    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))


@pytest.mark.parametrize("setup, relative, expected", [
    ("file:en", "en/t-leaflet.pdf", r"/build/en: cannot write: a file is where a folder should be"),
    ("file:.state", ".state/en/t.pdf.json", r"/build/\.state: cannot write: a file is where a folder should be"),
    ("folder:en/t-leaflet.pdf", "en/t-leaflet.pdf", r"/build/en/t-leaflet\.pdf: cannot write: a folder is where"),
    ("fsync:enospc", "en/t-leaflet.pdf", r"/build/en/t-leaflet\.pdf: cannot write: no space left on the disk"),
    ("mkstemp:eacces", "en/t-leaflet.pdf", r"/build/en/t-leaflet\.pdf: cannot write: permission denied"),
])
def test_machine_faults_name_the_path_and_leave_nothing_half_written(tmp_path, monkeypatch, setup, relative,
                                                                     expected):
    output = tmp_path / "build"
    output.mkdir()
    how, where = setup.split(":")
    if how == "file":
        (output / where).write_text("in the way")
    elif how == "folder":
        (output / where).mkdir(parents=True)
    elif how == "fsync":
        monkeypatch.setattr(atomic_files.os, "fsync", _enospc)
    else:
        monkeypatch.setattr(atomic_files.tempfile, "mkstemp", _eacces)
    with pytest.raises(HandoutError, match=expected):
        OutputWriter(output).write(relative, b"%PDF-")
    assert not list(output.rglob("*.tmp")) and not (output / relative).is_file()


def test_a_file_where_state_should_be_is_not_a_crash_when_forgetting(tmp_path):
    (tmp_path / ".state").write_text("in the way")
    records.forget(tmp_path, "en/t-leaflet.pdf")  # nothing recorded under it
    with pytest.raises(HandoutError, match=r"\.state: cannot write: a file is where a folder should be"):
        records.save(tmp_path, "en/t-leaflet.pdf", records.Record("key", "sha"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_is_one_message(tmp_path):
    output = tmp_path / "build"
    output.mkdir()
    output.chmod(0o555)
    try:
        result = CliRunner().invoke(main, ["build", "--root", str(ROOT), "--output", str(output)])
    finally:
        output.chmod(0o755)
    assert result.exit_code == 1 and f"{output}/.lock: cannot write: permission denied" in result.output


def test_a_file_in_the_output_path_is_one_message(tmp_path):
    (tmp_path / "out").write_text("not a folder")
    result = CliRunner().invoke(main, ["build", "--root", str(ROOT), "--output", str(tmp_path / "out" / "build")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{tmp_path / 'out'}: cannot write: a file is where a folder should be" in result.output


def test_an_interrupted_release_leaves_no_folder_and_no_scratch(tmp_path, monkeypatch):
    folder = tmp_path / release.RELEASE_DIR

    def half(config, output, fresh, outputs, scope):
        (fresh / "a-leaflet-en.pdf").write_bytes(b"%PDF-")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(fresh / "b-leaflet-en.pdf"))

    monkeypatch.setattr(release, "_write_release", half)
    with pytest.raises(HandoutError, match=r"b-leaflet-en\.pdf: cannot write: no space left on the disk"):
        release._assemble(None, tmp_path, folder, [], None)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_release_replaces_a_folder_in_its_way_whole(tmp_path, monkeypatch):
    folder = tmp_path / release.RELEASE_DIR
    folder.mkdir()
    (folder / "stale.pdf").write_bytes(b"old")

    def fill(config, output, fresh, outputs, scope):
        (fresh / "SHA256SUMS").write_text("")
        return ["new.pdf"], ("en",)

    monkeypatch.setattr(release, "_write_release", fill)
    monkeypatch.setattr(release, "Release", lambda *args: args)
    release._assemble(None, tmp_path, folder, [], type("Scope", (), {"not_reviewed": (), "left_out": (),
                                                                         "rewrites_unchecked": ()}))
    assert sorted(p.name for p in folder.iterdir()) == ["SHA256SUMS"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [release.RELEASE_DIR]


def test_write_atomic_still_writes(tmp_path):
    write_atomic(tmp_path / "a" / "b.json", json.dumps({"ok": 1}).encode())
    assert json.loads((tmp_path / "a" / "b.json").read_text()) == {"ok": 1}
