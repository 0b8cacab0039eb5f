//! For `bench/replicate.sh`: makes an image of N MiB of incompressible pages, ships its
//! snapshot to an object store whole, and restores it, timing each.
//!   replicate_bench make IMAGE MIB
//!   replicate_bench ship IMAGE s3://BUCKET/PREFIX      (prints "seconds S bytes B")
//!   replicate_bench restore s3://BUCKET/PREFIX IMAGE   (prints "seconds S")
//! Endpoint and credentials come from AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY.

use std::time::Instant;

use phantom_replicate::{restore, Remote, Shipper};
use phantom_store::{FileDevice, Store, StoreOptions, PAGE_SIZE};

fn remote(url: &str) -> Remote {
    Remote::new(url, |k| std::env::var(k).ok()).unwrap_or_else(|e| fail(&e))
}

fn fail(message: &str) -> ! {
    eprintln!("replicate_bench: {message}");
    std::process::exit(1)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["make", image, mib] => {
            let pages = mib.parse::<u64>().unwrap_or_else(|_| fail("MIB is a number")) * 256;
            let options = StoreOptions { address_space: (pages + 1024) * PAGE_SIZE as u64, ..StoreOptions::default() };
            let store = Store::create(std::path::Path::new(image), &options).unwrap_or_else(|e| fail(&e.to_string()));
            // xorshift: pages that do not compress, none alike.
            let mut x = 0x9E37_79B9_7F4A_7C15u64;
            let mut page = vec![0u8; PAGE_SIZE];
            for p in 0..pages {
                for word in page.chunks_mut(8) {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    word.copy_from_slice(&x.to_le_bytes());
                }
                store.write(p * PAGE_SIZE as u64, &page).unwrap_or_else(|e| fail(&e.to_string()));
            }
            store.snapshot_now().unwrap_or_else(|e| fail(&e.to_string()));
        }
        ["ship", image, url] => {
            let remote = remote(url);
            remote.ensure_bucket().unwrap_or_else(|e| fail(&e));
            let dev = FileDevice::new(std::fs::File::open(image).unwrap_or_else(|e| fail(&e.to_string())));
            let start = Instant::now();
            let manifest = Shipper::new(remote, 2)
                .ship(&dev, u64::MAX)
                .unwrap_or_else(|e| fail(&e))
                .unwrap_or_else(|| fail("nothing to ship"));
            let bytes: u64 = manifest.packs.iter().map(|p| p.bytes).sum();
            println!("seconds {:.3} bytes {bytes}", start.elapsed().as_secs_f64());
        }
        ["restore", url, image] => {
            let start = Instant::now();
            restore(&remote(url), std::path::Path::new(image), None).unwrap_or_else(|e| fail(&e));
            println!("seconds {:.3}", start.elapsed().as_secs_f64());
        }
        ["put", url, count] => {
            // N objects of one pack's size, one after another: the cost of a single request.
            let remote = remote(url);
            remote.ensure_bucket().unwrap_or_else(|e| fail(&e));
            let data = vec![7u8; 8 << 20];
            let n: u32 = count.parse().unwrap_or_else(|_| fail("COUNT is a number"));
            let start = Instant::now();
            for k in 0..n {
                remote.put(&format!("probe/{k}"), &data).unwrap_or_else(|e| fail(&e));
            }
            println!("seconds {:.3} bytes {}", start.elapsed().as_secs_f64(), u64::from(n) * (8 << 20));
        }
        _ => fail("usage: make IMAGE MIB | ship IMAGE URL | restore URL IMAGE"),
    }
}
