#!/usr/bin/env python3
"""The reference for bench/replicate.sh: a plain S3 client (boto3's transfer manager) moving
the same bytes with the same parallelism as the replicator (8 MiB parts, 4 at a time).
  s3_plain.py upload FILE BUCKET KEY      prints "seconds S bytes B"
  s3_plain.py download BUCKET PREFIX DIR  every object under PREFIX; prints "seconds S bytes B"
Endpoint and credentials from AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY."""
import concurrent.futures
import os
import sys
import time

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config

s3 = boto3.client(
    "s3",
    endpoint_url=os.environ["AWS_ENDPOINT_URL"],
    region_name=os.environ.get("AWS_REGION", "us-east-1"),
    config=Config(s3={"addressing_style": "path"}, max_pool_connections=8),
)
config = TransferConfig(multipart_threshold=8 << 20, multipart_chunksize=8 << 20, max_concurrency=4)
op = sys.argv[1]
if op == "upload":
    path, bucket, key = sys.argv[2:5]
    try:
        s3.create_bucket(Bucket=bucket)
    except Exception:
        pass
    start = time.perf_counter()
    s3.upload_file(path, bucket, key, Config=config)
    print(f"seconds {time.perf_counter() - start:.3f} bytes {os.path.getsize(path)}")
elif op == "download":
    bucket, prefix, out = sys.argv[2:5]
    keys = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        keys += [(o["Key"], o["Size"]) for o in page.get("Contents", [])]
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda k: s3.download_file(bucket, k[0], os.path.join(out, k[0].replace("/", "_"))), keys))
    print(f"seconds {time.perf_counter() - start:.3f} bytes {sum(s for _, s in keys)}")
