"""Downloading the data with pooch from mirrors served on 127.0.0.1 (never the internet)."""

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import dnn
from dnn import datasets
from dnn.datasets import download
from tests.conftest import DEAD_MIRROR, serve

REPO = Path(__file__).resolve().parent.parent


def test_download_verifies_and_writes(mirror, tmp_path):
    target = tmp_path / "fresh"
    seen = []
    written = download.download(target, [f"{mirror}/good/"], lambda n, d, t: seen.append((n, d, t)))
    assert sorted(p.name for p in written) == sorted(datasets.FILES)
    for name, digest in datasets.SHA256.items():
        assert download.sha256_of(target / name) == digest
    assert seen[-1][1] == seen[-1][2]  # progress reached the announced size
    assert dnn.load_dataset(target).train_x.shape == (12288, 209)
    assert download.download(target, [f"{mirror}/good/"]) == []  # already there: nothing fetched


def test_corrupted_download_is_rejected_and_leaves_nothing(mirror, tmp_path):
    target = tmp_path / "fresh"
    with pytest.raises(download.DownloadError, match="SHA-256 mismatch"):
        download.download(target, [f"{mirror}/bad/"])
    assert list(target.iterdir()) == []  # no half file, no .part file


def test_download_falls_back_to_the_next_mirror(mirror, tmp_path):
    target = tmp_path / "fresh"
    download.download(target, [f"{mirror}/bad/", f"{mirror}/missing/", f"{mirror}/good/"])
    assert dnn.load_dataset(target).test_x.shape == (12288, 50)


def test_download_command_line(mirror, tmp_path):
    target = tmp_path / "cli"
    cmd = [
        sys.executable,
        "-m",
        "dnn.datasets",
        "download",
        "--dir",
        str(target),
        "--mirror",
        f"{mirror}/bad/",
        "--mirror",
        f"{mirror}/good/",
    ]
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "data ready" in done.stderr and "100%" in done.stderr
    check = [sys.executable, "-m", "dnn.datasets", "check", "--dir", str(target)]
    assert subprocess.run(check, cwd=REPO, capture_output=True, timeout=60).returncode == 0

    def from_bad_mirror():
        only_bad = cmd[:6] + ["--mirror", f"{mirror}/bad/"]
        return subprocess.run(only_bad, cwd=REPO, capture_output=True, text=True, timeout=60)

    assert from_bad_mirror().returncode == 0  # files already present and verified: nothing to fetch
    (target / "test_catvnoncat.h5").write_bytes(b"broken")
    bad = from_bad_mirror()
    assert bad.returncode == 1 and "SHA-256 mismatch" in bad.stderr


def test_unreachable_mirrors_say_what_to_do_offline(tmp_path):
    target = tmp_path / "offline"
    with pytest.raises(download.DownloadError) as e:
        download.download(target, [DEAD_MIRROR, DEAD_MIRROR.replace("http", "ftp")], retries=0)
    error = e.value
    assert error.code == "download_failed" and error.values["file"] == "train_catvnoncat.h5"
    assert [kind for _, kind, _ in error.values["failures"]] == ["connect", "scheme"]
    message = str(error)
    assert "could not connect" in message and "copy train_catvnoncat.h5 and test_catvnoncat.h5" in (
        message
    )
    assert "DNN_DATA_DIR" in message
    for raw in ("HTTPConnectionPool", "Max retries", "urlopen", "Errno"):  # no library wording
        assert raw not in message
    assert not target.exists() or list(target.iterdir()) == []


def test_a_missing_file_on_a_mirror_is_an_http_status(mirror, tmp_path):
    with pytest.raises(download.DownloadError) as e:
        download.download(tmp_path / "x", [f"{mirror}/missing/"], retries=0)
    assert e.value.values["failures"][0][1:] == ("http", "404")
    assert "HTTP 404" in str(e.value)


def test_a_mirror_sending_too_much_is_cut_off(mirror, tmp_path, monkeypatch):
    monkeypatch.setattr(download, "MAX_FILE_BYTES", 100_000)  # the real files are larger
    target = tmp_path / "x"
    with pytest.raises(download.DownloadError) as e:
        download.download(target, [f"{mirror}/good/"], retries=0)
    assert e.value.values["failures"][0][1] == "size"
    assert list(target.iterdir()) == []  # pooch removed its temporary file


def test_a_folder_that_cannot_be_made_is_a_clear_error(mirror, tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    with pytest.raises(download.DownloadError) as e:
        download.download(blocker / "data", [f"{mirror}/good/"], retries=0)
    assert e.value.code == "download_unwritable"


def test_a_damaged_file_is_replaced_and_a_good_one_kept(mirror, tmp_path):
    target = tmp_path / "data"
    download.download(target, [f"{mirror}/good/"])
    (target / "test_catvnoncat.h5").write_bytes(b"damaged")
    kept = (target / "train_catvnoncat.h5").stat().st_mtime_ns
    written = download.download(target, [f"{mirror}/good/"])
    assert written == [target / "test_catvnoncat.h5"]
    assert (target / "train_catvnoncat.h5").stat().st_mtime_ns == kept
    assert download.check(target) == {name: True for name in datasets.FILES}


def test_concurrent_downloads_fetch_each_file_once(data, tmp_path):
    """A download started while another runs (another process here) waits for it."""
    www = tmp_path / "www"
    www.mkdir()
    for name in datasets.FILES:
        shutil.copy(datasets.data_dir() / name, www / name)
    target = tmp_path / "data"
    with serve(www, delay=1.0) as (url, requested):
        other = subprocess.Popen(
            [sys.executable, "-m", "dnn.datasets", "download", "--dir", str(target)]
            + ["--mirror", url],
            cwd=REPO,
            stderr=subprocess.PIPE,
            text=True,
        )
        while not requested and other.poll() is None:  # the other process is downloading
            time.sleep(0.05)
        done = []
        thread = threading.Thread(
            target=lambda: done.append(download.download(target, [url])), daemon=True
        )
        thread.start()
        thread.join(timeout=60)
        assert not thread.is_alive(), "the download never ended"
        assert other.wait(timeout=60) == 0, other.stderr.read()
    assert done == [[]]  # it waited, then found both files there
    assert sorted(requested) == sorted(f"/{name}" for name in datasets.FILES)
    assert dnn.load_dataset(target).train_x.shape == (12288, 209)


def test_check_command_on_an_empty_folder(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "dnn.datasets", "check", "--dir", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and done.stdout.count("MISSING OR WRONG SUM") == 2


def test_download_command_offline_is_a_message_not_a_traceback(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "dnn.datasets", "download", "--dir", str(tmp_path / "d")]
        + ["--mirror", DEAD_MIRROR],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "could not connect" in done.stderr and "DNN_DATA_DIR" in done.stderr
    assert "Traceback" not in done.stderr
