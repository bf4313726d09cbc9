"""`python -m generator …`: the pipeline without MkDocs.

  extract FILE... [--format json|yaml]   one record per input (the format score.py reads)
  build [--out DIR]                      write every generated Markdown page to a folder
  check                                  validate content/ (config files and raw inputs)
  explain FILE                           what the cleaner kept and dropped, line by line, and why
  actors --unlisted                      actors found in text but not in actors.yaml, as YAML
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from .config import ConfigError
from .export import briefing_record
from .model import InputStatus
from .settings import Settings, default_settings
from .vocab import load_vocabulary

PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def _settings(content: str | None) -> Settings:
    if content:
        return Settings(content_dir=Path(content).resolve(), cache_dir=None)
    here = Path.cwd()
    root = here if (here / "content" / "actors.yaml").exists() else PACKAGE_ROOT
    return default_settings(root)


def cmd_extract(args: argparse.Namespace) -> int:
    from .process import process_path

    settings = _settings(args.content)
    vocab = load_vocabulary(settings)
    records, failed = [], 0
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            print(f"{name}: no such file", file=sys.stderr)
            failed += 1
            continue
        result = process_path(path.resolve(), path.resolve().parent, settings, vocab)
        if result.briefing is None:
            print(f"{name}: rejected: {result.rejection}", file=sys.stderr)
            records.append({"source": path.name, "status": "rejected", "reason": result.rejection})
            failed += 1
            continue
        records.append(briefing_record(result.briefing))
    if args.format == "yaml":
        yaml.safe_dump(records, sys.stdout, allow_unicode=True, sort_keys=False, width=100)
    else:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return 1 if failed and failed == len(args.files) else 0


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build, write

    settings = _settings(args.content)
    out = Path(args.out).resolve()
    report = build(settings)
    write(report, out)
    counts = {status: sum(f.status is status for f in report.fates) for status in InputStatus}
    print(f"{len(report.pages)} pages written to {out}: {counts[InputStatus.BRIEFING]} briefings, "
          f"{counts[InputStatus.DUPLICATE]} duplicates, {counts[InputStatus.REJECTED]} rejected")
    for fate in report.fates:
        if fate.status is InputStatus.REJECTED:
            print(f"  rejected {fate.source}: {fate.reason}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .ingest import list_raw_files, read_raw
    from .model import Rejection

    settings = _settings(args.content)
    vocab = load_vocabulary(settings)
    print(f"{settings.actors_path}: {len(vocab.actors)} actors")
    print(f"{settings.topics_path}: {len(vocab.topics)} topics")
    print(f"{settings.boilerplate_path}: {len(vocab.rules)} boilerplate rules")
    problems = 0
    files = list_raw_files(settings.raw_dir)
    for path in files:
        try:
            raw = read_raw(path, settings.raw_dir, settings)
        except Rejection as rejection:
            print(f"{settings.raw_dir.name}/{rejection.source}: {rejection.reason}")
            problems += 1
            continue
        for warning in raw.warnings:
            print(f"{settings.raw_dir.name}/{raw.source}: {warning}")
            problems += 1
    print(f"{len(files)} raw files, {problems} problem(s)")
    return 1 if problems else 0


def cmd_explain(args: argparse.Namespace) -> int:
    from .clean.explain import explain_metadata, render
    from .ingest import read_raw
    from .model import Rejection

    settings = _settings(args.content)
    vocab = load_vocabulary(settings)
    path = Path(args.file).resolve()
    try:
        raw = read_raw(path, path.parent, settings)
    except Rejection as rejection:
        print(f"{args.file}: rejected: {rejection.reason}")
        return 1
    article, considered = explain_metadata(raw, vocab)
    print(f"{args.file}: form {raw.form.value}, encoding {raw.encoding}, id {raw.doc_id}")
    for label, value in (("title", article.title), ("date", article.date), ("outlet", article.outlet)):
        print(f"  {label:8} {value.value if value else '-'}  [{value.rule if value else 'not found'}]"
              + ("  (inferred)" if value and value.inferred else ""))
    print(f"  authors  {', '.join(article.authors) or '-'}   url {article.url or '-'}   "
          f"type {article.source_type.value}   language {article.language}")
    print("metadata candidates, best evidence first (* chosen; — why it won or lost):")
    print("\n".join(render(considered)))
    for block in article.blocks:
        mark = "KEEP" if block.kept and block.kind.value not in ("caption", "reference") else (
            block.kind.value.upper()[:4] if block.kept else "DROP")
        text = block.text if len(block.text) <= 70 else block.text[:67] + "…"
        print(f"{block.line:5} {mark:4} {block.kind.value:9} {block.rule:24} {text}")
    return 0


def cmd_actors(args: argparse.Namespace) -> int:
    from .pipeline import run

    settings = _settings(args.content)
    corpus = run(settings)
    unlisted = [a for a in corpus.actors if not a.listed]
    if not args.unlisted:
        unlisted = list(corpus.actors)
    entries = []
    for actor in unlisted:
        entry = {"id": "CHOOSE-AN-ASCII-ID" if not actor.listed else actor.id, "type": actor.type,
                 "name": actor.name if actor.listed else "ENGLISH NAME", "name_zh": actor.name_zh}
        count = len(corpus.by_actor.get(actor.id, ()))
        entries.append((count, entry))
    print("# Actors found in the articles but not in actors.yaml, most frequent first.")
    print("# Fill in id and name, then paste into content/actors.yaml.")
    for count, entry in sorted(entries, key=lambda item: -item[0]):
        print(f"# in {count} briefing(s)")
        print(yaml.safe_dump([entry], allow_unicode=True, sort_keys=False).rstrip())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    parser.add_argument("--content", help="the content folder (default: ./content)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="extract records from raw files")
    p.add_argument("files", nargs="+")
    p.add_argument("--format", choices=("json", "yaml"), default="json")
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("build", help="write the generated Markdown pages to a folder")
    p.add_argument("--out", default="build/pages")
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("check", help="validate content/")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("explain", help="show what the cleaner kept and dropped, and why")
    p.add_argument("file")
    p.set_defaults(func=cmd_explain)
    p = sub.add_parser("actors", help="list actors found in the articles")
    p.add_argument("--unlisted", action="store_true", help="only those not yet in actors.yaml")
    p.set_defaults(func=cmd_actors)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except ConfigError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
