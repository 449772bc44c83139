"""The published surface: ``__all__``, docstrings, documentation, lazy imports, exception tree."""

from __future__ import annotations

import ast
import inspect
import itertools
import json
import re
import subprocess
import sys
import tomllib
import types
from pathlib import Path

import pytest
from strategies import VIOLATION_CODES

import passkit
from passkit import exceptions, policies, recipes

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = Path(passkit.__file__).resolve().parent
PUBLIC_MODULES = (passkit, policies, exceptions, recipes)
# The public surface, one group per capability; each capability adds its names here.
CHECKING_SURFACE = [
    "CharClass",
    "CheckResult",
    "Finding",
    "Policy",
    "Violation",
    "__version__",
    "check",
    "exceptions",
    "policies",
]
# Generation (issue 3, landing alongside): the design's ``Generator`` and ``generate``, and more.
GENERATION_SURFACE = [
    "Generator",
    "PassphraseGenerator",
    "PinGenerator",
    "RecoveryCodeGenerator",
    "RomajiGenerator",
    "generate",
    "one_time_code",
    "parse_recovery_code",
    "passphrase",
    "pin",
    "recovery_codes",
    "romaji_password",
]
# Strength estimation (issue 4).
ESTIMATION_SURFACE = ["CrackTime", "CrackTimes", "Estimate", "Feedback", "Match", "estimate"]
# Japanese (issue 5).
JAPANESE_SURFACE = ["Mangled", "Mangler", "apply_recipe", "mangle", "recipe_steps", "recipes", "romanize"]
EXPECTED_ALL = sorted(CHECKING_SURFACE + GENERATION_SURFACE + ESTIMATION_SURFACE + JAPANESE_SURFACE)
CODES = (*VIOLATION_CODES, "fullwidth", "kana")


def _public_names(module: types.ModuleType) -> list[tuple[str, str]]:
    """(module name, public name) for every name in the module's ``__all__``."""
    return [(module.__name__, name) for name in module.__all__]


def _attribute_docstrings(path: Path) -> set[str]:
    """Module-level names assigned and immediately followed by a string literal (attribute docstrings)."""
    body = ast.parse(path.read_text(encoding="utf-8")).body
    documented = set()
    for statement, following in itertools.pairwise(body):
        targets: list[ast.expr] = []
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        if (
            isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            documented |= {t.id for t in targets if isinstance(t, ast.Name)}
    return documented


class TestAll:
    """``__all__`` is exactly the public surface."""

    def test_passkit_all(self) -> None:
        """``passkit.__all__`` is the expected sorted list of public names."""
        assert EXPECTED_ALL == passkit.__all__

    def test_checking_surface(self) -> None:
        """The names of the checking capability are all public."""
        assert [] == [name for name in CHECKING_SURFACE if name not in passkit.__all__]

    @pytest.mark.parametrize("module", PUBLIC_MODULES, ids=lambda m: m.__name__)
    def test_sorted_and_resolvable(self, module: types.ModuleType) -> None:
        """Each public module's ``__all__`` is sorted, has no duplicates, and every name exists."""
        assert sorted(set(module.__all__)) == module.__all__
        for name in module.__all__:
            assert hasattr(module, name), name

    def test_star_import(self) -> None:
        """``from passkit import *`` gives exactly ``__all__``."""
        namespace: dict[str, object] = {}
        exec("from passkit import *", namespace)  # noqa: S102 (a fixed import statement)
        assert set(EXPECTED_ALL) == set(namespace) - {"__builtins__"}

    def test_version(self) -> None:
        """``__version__`` matches the version in ``pyproject.toml``."""
        pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        assert pyproject["project"]["version"] == passkit.__version__

    def test_py_typed(self) -> None:
        """The package ships ``py.typed``."""
        assert (PACKAGE_DIR / "py.typed").is_file()


class TestDocstrings:
    """Every public name has a docstring."""

    @pytest.mark.parametrize(
        ("module_name", "name"),
        [pair for module in PUBLIC_MODULES for pair in _public_names(module)],
    )
    def test_public_name_documented(self, module_name: str, name: str) -> None:
        """Modules, classes and functions have docstrings; constants have attribute docstrings."""
        if name == "__version__":
            return
        module = sys.modules[module_name]
        value = getattr(module, name)
        if isinstance(value, (types.ModuleType, type, types.FunctionType)):
            assert inspect.getdoc(value), f"{module_name}.{name} has no docstring"
            return
        assert name in _attribute_docstrings(Path(inspect.getfile(module))), f"{module_name}.{name} has no docstring"

    @pytest.mark.parametrize(
        ("module_name", "name"),
        [pair for module in PUBLIC_MODULES for pair in _public_names(module)],
    )
    def test_public_methods_documented(self, module_name: str, name: str) -> None:
        """Public methods and properties of public classes have docstrings."""
        value = getattr(sys.modules[module_name], name)
        if not isinstance(value, type):
            return
        for attribute, member in vars(value).items():
            if attribute.startswith("_"):
                continue
            function = member.__func__ if isinstance(member, (classmethod, staticmethod)) else member
            if isinstance(function, (types.FunctionType, property)):
                assert inspect.getdoc(function), f"{module_name}.{name}.{attribute} has no docstring"

    @pytest.mark.parametrize("module", PUBLIC_MODULES, ids=lambda m: m.__name__)
    def test_module_docstrings(self, module: types.ModuleType) -> None:
        """Each public module has a docstring."""
        assert inspect.getdoc(module)


class TestDocs:
    """The documentation mentions every public name (docs/*.md are being written alongside)."""

    @staticmethod
    def _docs_text() -> str:
        pages = sorted((REPO_ROOT / "docs").glob("*.md"))
        assert pages, "docs/*.md is missing"
        return "\n".join(page.read_text(encoding="utf-8") for page in pages)

    def test_public_names_mentioned(self) -> None:
        """Every name in the public modules' ``__all__`` appears in docs/*.md."""
        text = self._docs_text()
        missing = [
            f"{module.__name__}.{name}"
            for module in PUBLIC_MODULES
            for name in module.__all__
            if not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
        ]
        assert [] == missing

    def test_codes_mentioned(self) -> None:
        """Every violation and finding code appears in docs/*.md."""
        text = self._docs_text()
        assert [] == [code for code in CODES if f"`{code}`" not in text]


class TestLazyImports:
    """Checking without ``min-strength`` never imports zxcvbn or ``random``."""

    SCRIPT = """
import json, sys
import passkit
after_import = sorted(m for m in ("zxcvbn", "random") if m in sys.modules)
passkit.check("x")
for name in passkit.policies.names():
    passkit.check("Qx!7Hanako-1985", name, user_inputs=["Hanako", "1985-04-12"], previous=["x"], locale="ja")
passkit.check("x", "minlength: 4; required: digit; forbid: common, context, previous")
after_check = sorted(m for m in ("zxcvbn", "random") if m in sys.modules)
passkit.check("qwerty", "min-strength: 2;")
after_strength = sorted(m for m in ("zxcvbn", "random") if m in sys.modules)
print(json.dumps([after_import, after_check, after_strength]))
"""

    def test_no_zxcvbn_nor_random(self, tmp_path: Path) -> None:
        """``import passkit`` and ``check`` import neither, even with a ``min-strength`` rule.

        The estimator reads zxcvbn's data files without importing the zxcvbn package.
        """
        done = subprocess.run(
            [sys.executable, "-c", self.SCRIPT],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=True,
            timeout=60,
        )
        after_import, after_check, after_strength = json.loads(done.stdout)
        assert [] == after_import
        assert [] == after_check
        assert [] == after_strength


class TestExceptions:
    """The exception tree."""

    @pytest.mark.parametrize("name", exceptions.__all__)
    def test_rooted_at_passkit_error(self, name: str) -> None:
        """Every passkit exception derives from ``PasskitError``."""
        assert issubclass(getattr(exceptions, name), exceptions.PasskitError)

    @pytest.mark.parametrize("name", [n for n in exceptions.__all__ if n != "PasskitError"])
    def test_value_errors(self, name: str) -> None:
        """Every passkit error about a value is also a ``ValueError``."""
        assert issubclass(getattr(exceptions, name), ValueError)

    def test_tree(self) -> None:
        """The documented parents."""
        assert issubclass(exceptions.PasskitError, Exception)
        assert not issubclass(exceptions.PasskitError, ValueError)
        assert issubclass(exceptions.RulesSyntaxError, exceptions.PolicyError)
        assert issubclass(exceptions.UnknownPolicyError, exceptions.PolicyError)
        assert issubclass(exceptions.UnknownPolicyError, LookupError)
        assert issubclass(exceptions.UnsupportedLocaleError, ValueError)
        assert not issubclass(exceptions.UnsupportedLocaleError, exceptions.PolicyError)

    def test_rules_syntax_error_attributes(self) -> None:
        """``RulesSyntaxError`` carries the position and the problem."""
        error = exceptions.RulesSyntaxError("something is wrong", 7)
        assert 7 == error.position
        assert "something is wrong" == error.problem
        assert "position 7" in str(error)

    def test_root_never_raised_directly(self) -> None:
        """No module of passkit raises ``PasskitError`` itself."""
        offenders = []
        for path in sorted(PACKAGE_DIR.glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Raise) and node.exc is not None:
                    target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                    if isinstance(target, (ast.Name, ast.Attribute)) and "PasskitError" in ast.unparse(target):
                        offenders.append(f"{path.name}:{node.lineno}")
        assert [] == offenders
