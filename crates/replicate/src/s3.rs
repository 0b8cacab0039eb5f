//! The object store: an S3 bucket and a key prefix, over rusty-s3 (request signing) and ureq
//! (synchronous HTTP). Credentials come from the standard variables and never appear in an
//! error: messages name the operation, the key and the status.

use std::time::Duration;

use rusty_s3::{Bucket, Credentials, S3Action, UrlStyle};

/// How long a signed request stays valid.
const SIGNED_FOR: Duration = Duration::from_secs(600);
/// The largest object read back (a pack is at most `pack::PACK_BLOCKS` blocks).
const MAX_OBJECT: u64 = 64 << 20;

/// A bucket and prefix (`s3://BUCKET/PREFIX`).
pub struct Remote {
    bucket: Bucket,
    credentials: Credentials,
    prefix: String,
    agent: ureq::Agent,
    shown: String,
}

impl Remote {
    /// The remote `url` names, reached at `AWS_ENDPOINT_URL` with `AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY` and `AWS_REGION` (default us-east-1), read through `var`.
    pub fn new(url: &str, var: impl Fn(&str) -> Option<String>) -> Result<Remote, String> {
        let rest = url.strip_prefix("s3://").ok_or_else(|| format!("{url}: expected s3://BUCKET/PREFIX"))?;
        let (name, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if name.len() < 3 {
            return Err(format!("{url}: a bucket name has at least 3 characters"));
        }
        let endpoint = var("AWS_ENDPOINT_URL").unwrap_or_else(|| "https://s3.amazonaws.com".into());
        let endpoint: url::Url = endpoint.parse().map_err(|e| format!("AWS_ENDPOINT_URL: {e}"))?;
        let region = var("AWS_REGION").unwrap_or_else(|| "us-east-1".into());
        let key = var("AWS_ACCESS_KEY_ID").ok_or("AWS_ACCESS_KEY_ID is not set")?;
        let secret = var("AWS_SECRET_ACCESS_KEY").ok_or("AWS_SECRET_ACCESS_KEY is not set")?;
        let bucket = Bucket::new(endpoint.clone(), UrlStyle::Path, name.to_string(), region)
            .map_err(|e| format!("{url}: {e}"))?;
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build();
        let prefix = prefix.trim_matches('/');
        Ok(Remote {
            bucket,
            credentials: Credentials::new(key, secret),
            prefix: if prefix.is_empty() { String::new() } else { format!("{prefix}/") },
            agent: ureq::Agent::new_with_config(config),
            shown: format!("s3://{name}/{prefix} at {endpoint}"),
        })
    }

    /// What error messages call this remote (no credentials in it).
    pub fn shown(&self) -> &str {
        &self.shown
    }

    fn key(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    fn fail(&self, what: &str, name: &str, status: u16, body: &[u8]) -> String {
        let code = String::from_utf8_lossy(body);
        let code = code.split("<Code>").nth(1).and_then(|c| c.split('<').next()).unwrap_or("");
        format!("{what} {name} on {}: HTTP {status} {code}", self.shown)
    }

    /// Makes the bucket if it does not exist (for stores that allow it).
    pub fn ensure_bucket(&self) -> Result<(), String> {
        let head = self.bucket.head_bucket(Some(&self.credentials)).sign(SIGNED_FOR);
        let status = self.agent.head(head.as_str()).call().map_err(|e| format!("{}: {e}", self.shown))?.status();
        if status.is_success() {
            return Ok(());
        }
        let create = self.bucket.create_bucket(&self.credentials).sign(SIGNED_FOR);
        let mut r = self.agent.put(create.as_str()).send(&[][..]).map_err(|e| format!("{}: {e}", self.shown))?;
        let status = r.status().as_u16();
        let body = r.body_mut().read_to_vec().unwrap_or_default();
        if (200..300).contains(&status) || String::from_utf8_lossy(&body).contains("BucketAlready") {
            Ok(())
        } else {
            Err(self.fail("creating the bucket for", "", status, &body))
        }
    }

    pub fn put(&self, name: &str, data: &[u8]) -> Result<(), String> {
        let key = self.key(name);
        let url = self.bucket.put_object(Some(&self.credentials), &key).sign(SIGNED_FOR);
        let mut r =
            self.agent.put(url.as_str()).send(data).map_err(|e| format!("put {name} on {}: {e}", self.shown))?;
        let status = r.status().as_u16();
        if (200..300).contains(&status) {
            return Ok(());
        }
        let body = r.body_mut().read_to_vec().unwrap_or_default();
        Err(self.fail("put", name, status, &body))
    }

    /// The object's bytes, or None if there is none.
    pub fn get(&self, name: &str) -> Result<Option<Vec<u8>>, String> {
        let key = self.key(name);
        let url = self.bucket.get_object(Some(&self.credentials), &key).sign(SIGNED_FOR);
        let mut r = self.agent.get(url.as_str()).call().map_err(|e| format!("get {name} on {}: {e}", self.shown))?;
        let status = r.status().as_u16();
        let body = r
            .body_mut()
            .with_config()
            .limit(MAX_OBJECT)
            .read_to_vec()
            .map_err(|e| format!("get {name} on {}: {e}", self.shown))?;
        match status {
            200..=299 => Ok(Some(body)),
            404 => Ok(None),
            _ => Err(self.fail("get", name, status, &body)),
        }
    }

    pub fn delete(&self, name: &str) -> Result<(), String> {
        let key = self.key(name);
        let url = self.bucket.delete_object(Some(&self.credentials), &key).sign(SIGNED_FOR);
        let mut r =
            self.agent.delete(url.as_str()).call().map_err(|e| format!("delete {name} on {}: {e}", self.shown))?;
        let status = r.status().as_u16();
        if (200..300).contains(&status) || status == 404 {
            return Ok(());
        }
        let body = r.body_mut().read_to_vec().unwrap_or_default();
        Err(self.fail("delete", name, status, &body))
    }

    /// The names (without the prefix) of the objects under `under`, sorted.
    pub fn list(&self, under: &str) -> Result<Vec<String>, String> {
        let mut names = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let full = self.key(under);
            let mut action = self.bucket.list_objects_v2(Some(&self.credentials));
            action.with_prefix(full.as_str());
            if let Some(t) = &token {
                action.with_continuation_token(t.as_str());
            }
            let url = action.sign(SIGNED_FOR);
            let mut r =
                self.agent.get(url.as_str()).call().map_err(|e| format!("list {under} on {}: {e}", self.shown))?;
            let status = r.status().as_u16();
            let body = r.body_mut().with_config().limit(MAX_OBJECT).read_to_vec().unwrap_or_default();
            if !(200..300).contains(&status) {
                return Err(self.fail("list", under, status, &body));
            }
            let text = String::from_utf8_lossy(&body);
            let parsed = rusty_s3::actions::ListObjectsV2::parse_response(&text)
                .map_err(|e| format!("list {under} on {}: {e}", self.shown))?;
            names.extend(parsed.contents.into_iter().map(|c| c.key[self.prefix.len().min(c.key.len())..].to_string()));
            match parsed.next_continuation_token {
                Some(t) => token = Some(t),
                None => break,
            }
        }
        names.sort();
        Ok(names)
    }
}
