"""The deployment examples in deploy/ (Docker cannot run here, so they are checked statically): every
command they run is a ``newsbot`` command line, every setting they set exists, every path they copy
or mount exists, and the pieces agree with each other."""

from __future__ import annotations

import configparser
import json
import re
import shlex
import tomllib
from pathlib import Path

import pytest
import yaml

from bot.cli import build_parser
from bot.config import SETTING_SOURCES

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SETTINGS = {source.variable for source in SETTING_SOURCES.values()}
ENV_LINE = re.compile(r"^#?\s*([A-Z][A-Z0-9_]+)=", re.MULTILINE)


def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    joined = re.sub(r"\\\n\s*", " ", "\n".join(lines))
    pairs = []
    for line in joined.splitlines():
        if line.strip():
            instruction, _, arguments = line.strip().partition(" ")
            pairs.append((instruction.upper(), arguments.strip()))
    return pairs


def docker_env() -> dict[str, str]:
    env = {}
    for instruction, arguments in dockerfile():
        if instruction == "ENV":
            env.update(word.split("=", 1) for word in shlex.split(arguments))
    return env


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


def unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string((DEPLOY / "newsdigest.service").read_text(encoding="utf-8"))
    return parser


def assert_newsbot_command(words: list[str]) -> None:
    """``words`` (after ``newsbot``) parse as a ``newsbot`` command line."""
    build_parser().parse_args(words)


def test_newsbot_is_the_installed_console_script() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["newsbot"] == "bot.cli:main"


def test_the_image_is_slim_runs_newsbot_as_a_user_and_keeps_data_in_a_volume() -> None:
    instructions = dockerfile()
    assert instructions[0] == ("FROM", "python:3.11-slim")
    user = [arguments for instruction, arguments in instructions if instruction == "USER"]
    assert user
    assert user[-1] not in {"root", "0"}
    created = [re.search(r"useradd [^&]* (\w+)(?: |$)", arguments)
               for instruction, arguments in instructions if instruction == "RUN"]
    assert user[-1] in {match.group(1) for match in created if match}
    entrypoint = json.loads(dict(instructions)["ENTRYPOINT"])
    command = json.loads(dict(instructions)["CMD"])
    assert entrypoint == ["newsbot"]
    assert_newsbot_command(command)
    volumes = json.loads(dict(instructions)["VOLUME"])
    assert volumes == [docker_env()["NEWSDIGEST_DATA_DIR"]]


def test_the_image_sets_only_real_settings_and_copies_paths_that_exist() -> None:
    env = docker_env()
    assert {name for name in env if not name.startswith(("PYTHON", "PIP_"))} <= SETTINGS
    workdir = Path(dict(dockerfile())["WORKDIR"])
    copied = {}  # path in the image -> path in the repository
    for instruction, arguments in dockerfile():
        if instruction == "COPY":
            *sources, target = shlex.split(arguments)
            for source in sources:
                assert (ROOT / source).exists(), f"COPY {source}: no such path"
                copied[workdir / target / source if target.endswith("/") else workdir / target] = source
    assert copied[workdir / "pyproject.toml"] == "pyproject.toml"
    assert copied[Path(env["NEWSDIGEST_SEEDS"])] == "seeds"


def test_the_build_context_keeps_what_the_image_copies() -> None:
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8").splitlines()
    kept = {line[1:].rstrip("/") for line in ignore if line.startswith("!")}
    for instruction, arguments in dockerfile():
        if instruction == "COPY":
            assert set(shlex.split(arguments)[:-1]) <= kept


def test_the_healthcheck_asks_the_health_endpoint_on_the_configured_port() -> None:
    healthcheck = dict(dockerfile())["HEALTHCHECK"]
    assert "/healthz" in healthcheck
    assert "NEWSDIGEST_METRICS_PORT" in healthcheck
    assert docker_env()["NEWSDIGEST_METRICS_PORT"].isdigit()
    exposed = dict(dockerfile())["EXPOSE"]
    assert exposed == docker_env()["NEWSDIGEST_METRICS_PORT"]


def test_compose_runs_the_bot_and_a_scheduler_on_postgres_with_volumes() -> None:
    spec = compose()
    services = spec["services"]
    assert set(services) == {"bot", "scheduler", "postgres"}
    data_dir = docker_env()["NEWSDIGEST_DATA_DIR"]
    for name in ("bot", "scheduler"):
        service = services[name]
        assert_newsbot_command(service["command"])
        assert set(service["environment"]) <= SETTINGS
        assert (DEPLOY / service["build"]["context"] / service["build"]["dockerfile"]).is_file()
        assert (DEPLOY / f"{service['env_file']}.example").is_file()
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
        [volume] = service["volumes"]
        named, target = volume.split(":")
        assert target == data_dir
        assert named in spec["volumes"]
    assert services["scheduler"]["command"][0] == "scheduler"
    postgres = services["postgres"]
    [volume] = postgres["volumes"]
    assert volume.split(":")[0] in spec["volumes"]
    assert volume.split(":")[1] == "/var/lib/postgresql/data"


def test_compose_points_every_process_at_the_postgres_service() -> None:
    services = compose()["services"]
    url = services["bot"]["environment"]["NEWSDIGEST_DATABASE_URL"]
    postgres = services["postgres"]["environment"]
    match = re.fullmatch(r"postgresql\+psycopg://(\w+):\$\{POSTGRES_PASSWORD[^}]*\}@(\w+):5432/(\w+)", url)
    assert match is not None
    assert match.groups() == (postgres["POSTGRES_USER"], "postgres", postgres["POSTGRES_DB"])
    assert "${POSTGRES_PASSWORD" in postgres["POSTGRES_PASSWORD"]


def test_the_systemd_unit_runs_newsbot_from_its_install_with_an_environment_file() -> None:
    service = unit()["Service"]
    program, *words = shlex.split(service["ExecStart"])
    assert program == f"{service['WorkingDirectory']}/.venv/bin/newsbot"
    assert_newsbot_command(words)
    assert service["User"] not in {"root", "0"}
    environment_file = Path(service["EnvironmentFile"])
    assert environment_file.is_absolute()
    assert (DEPLOY / f"{environment_file.name}.example").is_file()
    name, _, value = service["Environment"].partition("=")
    assert name in SETTINGS
    assert value == f"/var/lib/{service['StateDirectory']}"
    assert unit()["Install"]["WantedBy"] == "multi-user.target"


def test_the_environment_file_names_only_real_settings() -> None:
    text = (DEPLOY / "newsdigest.env.example").read_text(encoding="utf-8")
    names = set(ENV_LINE.findall(text))
    assert names
    assert names <= SETTINGS
    assert "deploy/newsdigest.env" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("words", [["nonsense"], ["slack", "--bogus"]])
def test_the_command_check_rejects_what_newsbot_would(words: list[str]) -> None:
    with pytest.raises(SystemExit):
        assert_newsbot_command(words)
