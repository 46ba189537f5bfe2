"""Packaging: the wheel and sdist ship everything, the core installs and runs without Qt, and the
desktop files (launcher, AppStream metainfo, icon, MIME types) share one id and validate.

The wheel test builds with ``python -m build`` and installs the wheel (no ``gui`` extra) into a
fresh virtual environment without system site-packages, once per session. It needs PyPI for the
build backend and the core's dependencies; ``BROADSHEET_SKIP_SLOW=1`` skips it.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.broadsheet.Broadsheet"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICON = PACKAGING / f"{APP_ID}.svg"
MIME = PACKAGING / f"{APP_ID}.mime.xml"
SAMPLES = Path(__file__).parent / "data" / "samples"
SEED = Path(__file__).parent / "data" / "text" / "seed_page.txt"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"

slow = pytest.mark.skipif(os.environ.get("BROADSHEET_SKIP_SLOW") == "1", reason="BROADSHEET_SKIP_SLOW=1")


def _run(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, **kw)  # type: ignore[call-overload]


def _tool(name: str) -> str:
    """A tool beside this Python (the virtual environment's bin, where pip puts PySide6's pyside6-lupdate),
    else on PATH; skips when it is installed in neither."""
    beside = Path(sys.executable).with_name(name)
    path = str(beside) if beside.is_file() and os.access(beside, os.X_OK) else shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package: see install.sh)")
    return path


# --- wheel and sdist -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sdist and the wheel built from it by ``python -m build`` (as a release would be)."""
    out = tmp_path_factory.mktemp("dist")
    proc = _run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)], timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    wheels = list(out.glob("broadsheet-*.whl"))
    sdists = list(out.glob("broadsheet-*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, list(out.iterdir())
    return {"wheel": wheels[0], "sdist": sdists[0]}


def _clean_env() -> dict[str, str]:
    """This environment without PYTHONPATH and PYTHONHOME, for the fresh virtual environment."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}


@pytest.fixture(scope="session")
def venv(dists: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment (no system site-packages) with the wheel installed, no gui extra."""
    root = tmp_path_factory.mktemp("venv") / "env"
    proc = _run([sys.executable, "-m", "venv", str(root)], timeout=300)
    assert proc.returncode == 0, proc.stderr
    py = root / "bin" / "python"
    # without PYTHONPATH: a source tree on it (with the broadsheet.egg-info the build leaves there) would
    # make pip take the wheel for installed already and install nothing
    proc = _run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(dists["wheel"])],
                env=_clean_env(), timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return root


def _source_packages() -> set[str]:
    """Every package under reader/ (a folder with __init__.py), as a dotted name."""
    names = set()
    for init in (ROOT / "reader").rglob("__init__.py"):
        if "__pycache__" in init.parts:
            continue
        names.add(".".join(init.parent.relative_to(ROOT).parts))
    return names


@slow
def test_wheel_ships_every_module_and_the_resources(dists: dict[str, Path]) -> None:
    with zipfile.ZipFile(dists["wheel"]) as zf:
        names = set(zf.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        scripts = zf.read(entry_points).decode()
        metadata = zf.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    # every package of the source tree is in the wheel (a new subpackage missing from
    # pyproject.toml's package list would otherwise vanish from installs)
    for package in _source_packages():
        assert package.replace(".", "/") + "/__init__.py" in names, f"{package} is missing from the wheel"
    for module in (ROOT / "reader" / "core").rglob("*.py"):
        rel = module.relative_to(ROOT).as_posix()
        if "__pycache__" not in rel and (module.parent / "__init__.py").exists():
            assert rel in names, f"{rel} is missing from the wheel"
    # resources/ ships as the package reader.resources, with the sample page
    assert "reader/resources/__init__.py" in names
    assert "reader/resources/samples/seed_page.txt" in names
    for res in (ROOT / "resources").rglob("*"):
        rel = res.relative_to(ROOT / "resources").as_posix()
        if res.is_file() and "__pycache__" not in rel and not rel.endswith(".pyc"):
            assert f"reader/resources/{rel}" in names, f"resources/{rel} is missing from the wheel"
    assert "broadsheet = reader.cli.main:main" in scripts
    assert "Provides-Extra: gui" in metadata
    # Qt is only in the gui extra: a plain install must not pull it in
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    assert any("PySide6" in r and "extra == \"gui\"" in r for r in requires), requires
    assert not any("PySide6" in r and "extra ==" not in r for r in requires), requires
    assert not any(n.startswith("tests/") for n in names)


@slow
def test_sdist_holds_what_the_wheel_is_built_from(dists: dict[str, Path]) -> None:
    with tarfile.open(dists["sdist"]) as tf:
        names = {n.split("/", 1)[1] for n in tf.getnames() if "/" in n}
    for needed in ("pyproject.toml", "README.md", "reader/cli/main.py", "reader/segmentation/analyze.py",
                   "resources/__init__.py", "resources/samples/seed_page.txt"):
        assert needed in names, f"{needed} is missing from the sdist"


def _venv_python(venv: Path, code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return _run([str(venv / "bin" / "python"), "-c", code], cwd=cwd, env=_clean_env(), timeout=300)


@slow
def test_installed_core_has_no_qt_and_finds_its_resources(venv: Path, tmp_path: Path) -> None:
    code = r"""
import importlib, json, pkgutil, sys
import reader
from reader import resources
modules = []
rooms = ("model", "text", "formats", "segmentation", "index", "library", "search", "annotations",
         "corrections", "export", "app", "cli")
for room in rooms:
    pkg = importlib.import_module("reader." + room)
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(info.name)
        modules.append(info.name)
seed = resources.sample_seed_page()
print(json.dumps({
    "reader": reader.__file__,
    "modules": modules,
    "qt": sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")),
    "gui": sorted(m for m in sys.modules if m.startswith("reader.gui")),
    "seed": str(seed),
    "seed_ok": seed.is_file() and len(seed.read_bytes()) > 1000,
}))
"""
    proc = _venv_python(venv, code, tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    info = json.loads(proc.stdout)
    assert info["reader"].startswith(str(venv)), "the test imported the source tree, not the installed wheel"
    assert "reader.segmentation.analyze" in info["modules"] and "reader.formats.alto" in info["modules"]
    assert info["qt"] == [] and info["gui"] == []
    assert info["seed"].startswith(str(venv)) and info["seed_ok"]
    # and Qt is really absent there, so an import of it anywhere in the core would have failed
    proc = _venv_python(venv, "import PySide6", tmp_path)
    assert proc.returncode != 0


@slow
def test_installed_cli_analyzes_like_the_source_tree(venv: Path, tmp_path: Path) -> None:
    from reader.segmentation.analyze import analyze_file, document_json

    sample = SAMPLES / "alto" / "v3_tesseract410" / "testfile.xml"
    for source in (SEED, sample):
        proc = _run([str(venv / "bin" / "broadsheet"), "analyze", "--json", str(source)], cwd=tmp_path,
                    env=_clean_env(), timeout=300)
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout) == json.loads(json.dumps(document_json(analyze_file(source)))), source
    # the CLI process itself never imports Qt
    code = (
        "import sys; from reader.cli.main import main; "
        f"rc = main(['analyze', '--json', {str(SEED)!r}]); "
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'reader.gui'))]; "
        "sys.exit(rc)"
    )
    proc = _venv_python(venv, code, tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    # without the gui extra, asking for the window says what to install (one line, no traceback)
    proc = _run([str(venv / "bin" / "broadsheet")], cwd=tmp_path, timeout=300,
                env={**_clean_env(), "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode != 0 and "broadsheet[gui]" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    # a bad file is named on stderr and the batch goes on
    bad = tmp_path / "junk.xml"
    bad.write_bytes(b"\x00\x01 not xml")
    proc = _run([str(venv / "bin" / "broadsheet"), "analyze", "--json", str(bad), str(SEED)], cwd=tmp_path,
                env=_clean_env(), timeout=300)
    assert proc.returncode == 1
    assert str(bad) in proc.stderr and proc.stderr.count("\n") == 1
    assert json.loads(proc.stdout)["format"] == "text"


# --- desktop integration ---------------------------------------------------------------------


def _desktop() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _mime_types() -> list[str]:
    root = etree.parse(str(MIME)).getroot()
    return [str(m.get("type")) for m in root.iter(f"{MIME_NS}mime-type")]


def test_desktop_file_validates() -> None:
    proc = _run([_tool("desktop-file-validate"), str(DESKTOP)])
    assert proc.returncode == 0 and proc.stdout.strip() == "", proc.stdout + proc.stderr


def test_appstream_metainfo_validates() -> None:
    proc = _run([_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Validation was successful" in proc.stdout


def test_one_id_for_launcher_metainfo_icon_and_mime() -> None:
    entry = _desktop()
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "broadsheet"
    meta = etree.parse(str(METAINFO)).getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == f"{APP_ID}.desktop"
    assert meta.findtext("icon") == APP_ID
    assert meta.findtext("provides/binary") == "broadsheet"
    desktop_types = [t for t in entry["MimeType"].split(";") if t]
    assert sorted(desktop_types) == sorted(str(e.text) for e in meta.findall("provides/mediatype"))
    assert sorted(desktop_types) == sorted(_mime_types() + ["text/plain"])
    svg = etree.parse(str(ICON)).getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("viewBox")


def test_mime_database_accepts_the_definitions(tmp_path: Path) -> None:
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages / f"{APP_ID}.xml")
    proc = _run([_tool("update-mime-database"), str(tmp_path / "mime")])
    assert proc.returncode == 0 and "error" not in (proc.stdout + proc.stderr).lower(), proc.stderr
    for mime_type in _mime_types():
        assert (tmp_path / "mime" / f"{mime_type}.xml").is_file(), mime_type


_CONTENT_CASES = [
    ("alto/v3_tesseract410/testfile.xml", "application/alto+xml"),
    ("alto/v2_sbb_abbyy_1890/27971740_1890-04-01_38_077_0_001.xml", "application/alto+xml"),
    ("alto/v1_ccs_ndnp_logan_1911/logan.alto.xml", "application/alto+xml"),
    ("mets-alto/bl_statesman_1824-02-17/0002647_18240217_mets.xml", "application/mets+xml"),
    ("mets-alto/ndnp_nordstern_1878-01-03/1878010301.xml", "application/mets+xml"),
    ("hocr/kraken08_bw_example/kraken_bw_example.hocr", "text/vnd.hocr+html"),
    ("hocr/abbyy_mannheim_417576986_0012/417576986_0012.hocr", "text/vnd.hocr+html"),
    ("page/reichsanzeiger_gt/1870_14_0126.xml", "application/vnd.prima.page+xml"),
    ("page/kant_berlinische_monatsschrift_1784/PAGE_0020_PAGE.xml", "application/vnd.prima.page+xml"),
    ("chinese/ecpo_jingbao/textGT/jb_0129_1920-04-03_0001+0004.xml", "application/x-ecpo+xml"),
]


def test_mime_types_recognise_every_format_by_content(tmp_path: Path) -> None:
    """Qt's MIME database (shared-mime-info rules) sniffs each real sample as its own type."""
    pytest.importorskip("PySide6")
    data_home = tmp_path / "share"
    (data_home / "mime" / "packages").mkdir(parents=True)
    shutil.copy(MIME, data_home / "mime" / "packages" / f"{APP_ID}.xml")
    if shutil.which("update-mime-database"):
        _run(["update-mime-database", str(data_home / "mime")])
    files = [str(SAMPLES / rel) for rel, _ in _CONTENT_CASES] + [str(SEED)]
    code = (
        "import json, sys\nfrom PySide6.QtCore import QMimeDatabase\ndb = QMimeDatabase()\n"
        "print(json.dumps([db.mimeTypeForData(open(f, 'rb').read(65536)).name() for f in sys.argv[1:]]))"
    )
    env = dict(os.environ, XDG_DATA_HOME=str(data_home), QT_QPA_PLATFORM="offscreen")
    proc = _run([sys.executable, "-c", code, *files], env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got == [t for _, t in _CONTENT_CASES] + ["text/plain"]


def test_install_script_puts_everything_under_local_share_and_removes_it(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env["HOME"] = str(tmp_path)
    proc = _run(["sh", str(PACKAGING / "install-desktop.sh")], env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    share = tmp_path / ".local" / "share"
    installed = [
        share / "applications" / f"{APP_ID}.desktop",
        share / "metainfo" / f"{APP_ID}.metainfo.xml",
        share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        share / "mime" / "packages" / f"{APP_ID}.xml",
    ]
    for path in installed:
        assert path.is_file(), path
    assert installed[0].read_bytes() == DESKTOP.read_bytes()
    if shutil.which("update-mime-database"):
        assert (share / "mime" / "application" / "alto+xml.xml").is_file()
    if shutil.which("update-desktop-database"):
        assert "application/alto+xml" in (share / "applications" / "mimeinfo.cache").read_text()
    proc = _run(["sh", str(PACKAGING / "install-desktop.sh"), "--uninstall"], env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert not any(path.exists() for path in installed)


def test_bundle_spec_and_entry_points_are_valid_python() -> None:
    for name in ("broadsheet.spec", "entry_cli.py", "entry_gui.py"):
        source = (PACKAGING / name).read_text(encoding="utf-8")
        compile(source, name, "exec")
    spec = (PACKAGING / "broadsheet.spec").read_text(encoding="utf-8")
    assert 'name="broadsheet"' in spec and 'name="broadsheet-gui"' in spec and "console=False" in spec
    assert os.access(PACKAGING / "build-bundle.sh", os.X_OK) and os.access(PACKAGING / "install-desktop.sh", os.X_OK)


def test_translation_tooling_extracts_every_gui_string_and_compiles(tmp_path: Path) -> None:
    # the script finds the tools on PATH: put the directories this test found them in first
    dirs = list(dict.fromkeys(str(Path(_tool(name)).parent) for name in ("pyside6-lupdate", "pyside6-lrelease")))
    env = {**os.environ, "PATH": os.pathsep.join([*dirs, os.environ.get("PATH", "")])}
    proc = _run(["bash", str(PACKAGING / "update-translations.sh"), "--out", str(tmp_path)], timeout=300, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for lang in ("zh_CN", "zh_TW", "en"):
        ts = etree.parse(str(tmp_path / f"broadsheet_{lang}.ts")).getroot()
        assert ts.get("language") in (lang, "en_US" if lang == "en" else lang)
        sources = [str(e.text) for e in ts.iter("source")]
        assert len(sources) >= 20, f"only {len(sources)} strings were extracted from reader/gui"
        assert (tmp_path / f"broadsheet_{lang}.qm").is_file()


def test_every_string_of_the_window_is_translated_in_both_chinese_scripts(tmp_path: Path) -> None:
    """The committed translations, brought up to the code as ``update.sh`` would: nothing left unfinished. Strings
    added to the window without running it were shown in English in the Chinese interfaces ("Close", "Already
    in the collection …"), and the check of the committed files alone could not see them."""
    dirs = list(dict.fromkeys(str(Path(_tool(name)).parent) for name in ("pyside6-lupdate", "pyside6-lrelease")))
    env = {**os.environ, "PATH": os.pathsep.join([*dirs, os.environ.get("PATH", "")])}
    for ts in (ROOT / "resources" / "translations").glob("broadsheet_*.ts"):
        shutil.copy(ts, tmp_path / ts.name)
    proc = _run(["bash", str(PACKAGING / "update-translations.sh"), "--out", str(tmp_path)], timeout=300, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for lang in ("zh_CN", "zh_TW"):
        messages = etree.parse(str(tmp_path / f"broadsheet_{lang}.ts")).getroot().iter("message")
        untranslated = [m.findtext("source") for m in messages
                        if m.find("translation").get("type") == "unfinished"]
        assert not untranslated, f"{lang}: run resources/translations/update.sh and translate {untranslated[:5]}"
