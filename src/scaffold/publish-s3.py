#!/usr/bin/env python3
"""Publish a vanban site to S3-compatible object storage, uploading only
the files that changed.

vanban's builds are deterministic: a file that did not change is
byte-identical. The bucket keeps a manifest (`.vanban-manifest.json`: each
file's SHA-256) of what was last published; a run uploads the files whose
hash differs, deletes the ones no longer built, then writes the new
manifest. Serve the bucket behind a CDN (CloudFront, Cloudflare, Bunny...)
that compresses text: files are uploaded as they are, never gzipped.

    pip install boto3
    vanban build --base-url https://vanban.example.org/
    AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... \\
      python3 publish-s3.py --bucket my-archive [--endpoint-url https://...]

Written by `vanban init --host s3`. Options: --prefix (a folder in the
bucket), --dir (default public), --dry-run, --full (ignore the manifest and
upload everything), --jobs (parallel uploads, default 16).
"""

import argparse
import concurrent.futures
import hashlib
import json
import mimetypes
import os
import sys

MANIFEST = ".vanban-manifest.json"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".md": "text/markdown; charset=utf-8",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
}


def content_type(path):
    ext = os.path.splitext(path)[1].lower()
    return TYPES.get(ext) or mimetypes.guess_type(path)[0] or "application/octet-stream"


def local_files(root):
    """Every file under root: relative path (with /) -> SHA-256."""
    files = {}
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            full = os.path.join(folder, name)
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            h = hashlib.sha256()
            with open(full, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    h.update(block)
            files[rel] = h.hexdigest()
    return files


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--bucket", required=True)
    p.add_argument("--prefix", default="", help="folder in the bucket")
    p.add_argument("--dir", default="public", help="the built site")
    p.add_argument("--endpoint-url", default=os.environ.get("AWS_ENDPOINT_URL"))
    p.add_argument("--region", default=os.environ.get("AWS_DEFAULT_REGION", "us-east-1"))
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--full", action="store_true", help="ignore the manifest")
    p.add_argument("--jobs", type=int, default=16)
    args = p.parse_args()

    import boto3
    import botocore.exceptions

    if not os.path.isfile(os.path.join(args.dir, "index.html")):
        sys.exit(f"error: {args.dir}/index.html not found: run `vanban build` first")
    prefix = args.prefix.strip("/")
    prefix = prefix + "/" if prefix else ""
    s3 = boto3.client("s3", endpoint_url=args.endpoint_url, region_name=args.region)

    previous = {}
    if not args.full:
        try:
            body = s3.get_object(Bucket=args.bucket, Key=prefix + MANIFEST)["Body"].read()
            previous = json.loads(body)["files"]
        except botocore.exceptions.ClientError as e:
            if e.response.get("Error", {}).get("Code") not in ("NoSuchKey", "404"):
                raise
    current = local_files(args.dir)
    changed = sorted(p for p, h in current.items() if previous.get(p) != h)
    gone = sorted(p for p in previous if p not in current)

    def upload(rel):
        if not args.dry_run:
            with open(os.path.join(args.dir, rel), "rb") as f:
                s3.put_object(
                    Bucket=args.bucket,
                    Key=prefix + rel,
                    Body=f,
                    ContentType=content_type(rel),
                    CacheControl="public, max-age=300",
                )
        return rel

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for rel in pool.map(upload, changed):
            print(f"upload {rel}")
    for k in range(0, len(gone), 1000):
        batch = gone[k : k + 1000]
        if not args.dry_run:
            s3.delete_objects(
                Bucket=args.bucket,
                Delete={"Objects": [{"Key": prefix + rel} for rel in batch], "Quiet": True},
            )
        for rel in batch:
            print(f"delete {rel}")
    if not args.dry_run:
        manifest = json.dumps({"files": current}, sort_keys=True, separators=(",", ":"))
        s3.put_object(
            Bucket=args.bucket,
            Key=prefix + MANIFEST,
            Body=manifest.encode(),
            ContentType="application/json",
            CacheControl="no-store",
        )
    print(
        f"{len(changed)} uploaded, {len(gone)} deleted, "
        f"{len(current) - len(changed)} unchanged"
    )


if __name__ == "__main__":
    main()
