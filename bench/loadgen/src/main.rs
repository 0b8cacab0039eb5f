//! A closed-loop load generator for a key-value server spoken to over HTTP/1.1 or RESP (Redis).
//!
//! `loadgen --proto http|redis --addr HOST:PORT --clients N --seconds S --get-percent P
//!  [--keys K] [--value-bytes B]`
//!
//! Opens N persistent connections, one thread each. Every client first stores its share of the
//! keys `k0..k<K-1>` (one PUT or SET each, not measured), then, for S seconds, issues one request
//! at a time: a GET of a random key with probability P%, otherwise a PUT (SET) of a random key with
//! a value of B bytes. It prints one line:
//!
//! `requests N rps X p50_ms A p99_ms B errors E`
//!
//! where N counts every request issued in the timed phase, E those that failed (a status other
//! than 2xx or 404, a Redis error reply, a timeout, a closed or refused connection), X is the
//! successful requests per second of the timed phase, and the percentiles are over the latencies
//! of the requests that received a response, across all clients. A connection that fails is
//! reopened. It exits with status 1 when no request succeeded.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::process::ExitCode;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How long one read (or write) may wait before the request counts as failed.
const IO_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest status line, header line, chunk-size line or RESP line accepted.
const MAX_LINE: u64 = 64 * 1024;
/// The pause after a failed connection attempt, so that a dead server is not spun on.
const RECONNECT_PAUSE: Duration = Duration::from_millis(10);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Proto {
    Http,
    Redis,
}

#[derive(Clone, Debug)]
struct Config {
    proto: Proto,
    addr: SocketAddr,
    clients: usize,
    seconds: f64,
    get_percent: u32,
    keys: u64,
    value_bytes: usize,
}

const USAGE: &str = "usage: loadgen --proto http|redis --addr HOST:PORT --clients N --seconds S \
                     --get-percent P [--keys K] [--value-bytes B]";

fn parse_args(args: &[String]) -> Result<Config, String> {
    let (mut proto, mut addr, mut clients, mut seconds, mut get_percent) = (None, None, None, None, None);
    let (mut keys, mut value_bytes) = (1000u64, 100usize);
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        if flag == "-h" || flag == "--help" {
            return Err(USAGE.to_string());
        }
        let value = it.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let bad = |what: &str| format!("{flag}: {what}, not {value:?}");
        match flag.as_str() {
            "--proto" => {
                proto = Some(match value.as_str() {
                    "http" => Proto::Http,
                    "redis" => Proto::Redis,
                    _ => return Err(bad("expected http or redis")),
                })
            }
            "--addr" => {
                let resolved = value.to_socket_addrs().map_err(|e| format!("--addr {value}: {e}"))?.next();
                addr = Some(resolved.ok_or_else(|| bad("no address"))?);
            }
            "--clients" => {
                clients = Some(value.parse::<usize>().ok().filter(|&n| n > 0).ok_or_else(|| bad("a count > 0"))?)
            }
            "--seconds" => {
                seconds = Some(
                    value
                        .parse::<f64>()
                        .ok()
                        .filter(|s| s.is_finite() && *s > 0.0)
                        .ok_or_else(|| bad("seconds > 0"))?,
                )
            }
            "--get-percent" => {
                get_percent = Some(value.parse::<u32>().ok().filter(|&p| p <= 100).ok_or_else(|| bad("0 to 100"))?)
            }
            "--keys" => keys = value.parse::<u64>().ok().filter(|&k| k > 0).ok_or_else(|| bad("a count > 0"))?,
            "--value-bytes" => value_bytes = value.parse::<usize>().map_err(|_| bad("a byte count"))?,
            _ => return Err(format!("unknown option {flag}\n{USAGE}")),
        }
    }
    let missing = |name: &str| format!("{name} is required\n{USAGE}");
    Ok(Config {
        proto: proto.ok_or_else(|| missing("--proto"))?,
        addr: addr.ok_or_else(|| missing("--addr"))?,
        clients: clients.ok_or_else(|| missing("--clients"))?,
        seconds: seconds.ok_or_else(|| missing("--seconds"))?,
        get_percent: get_percent.ok_or_else(|| missing("--get-percent"))?,
        keys,
        value_bytes,
    })
}

/// Why a request failed.
#[derive(Debug)]
enum Failure {
    /// The server answered, but with an error (an HTTP status other than 2xx or 404, or a Redis
    /// error reply); the connection stays usable.
    Refused(String),
    /// The connection broke: an I/O error or timeout, an early close, or a reply that cannot be
    /// parsed. The connection is dropped and reopened.
    Broken(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Broken(e)
    }
}

fn invalid(what: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.into())
}

/// One line up to and including its `\n`, without the line ending; an error at end of stream.
fn read_line<'a>(reader: &mut BufReader<TcpStream>, line: &'a mut Vec<u8>) -> io::Result<&'a [u8]> {
    line.clear();
    let n = reader.by_ref().take(MAX_LINE).read_until(b'\n', line)?;
    if n == 0 {
        return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "connection closed by the server"));
    }
    if line.last() != Some(&b'\n') {
        return Err(if n as u64 >= MAX_LINE {
            invalid("line too long")
        } else {
            io::Error::new(io::ErrorKind::UnexpectedEof, "connection closed mid-line")
        });
    }
    line.pop();
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(line)
}

/// Reads and discards exactly `n` bytes.
fn skip_exact(reader: &mut BufReader<TcpStream>, n: u64) -> io::Result<()> {
    let copied = io::copy(&mut reader.by_ref().take(n), &mut io::sink())?;
    if copied < n {
        return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "connection closed mid-body"));
    }
    Ok(())
}

fn parse_decimal(text: &[u8]) -> Option<u64> {
    let text = std::str::from_utf8(text).ok()?.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A connection to the server and the buffers its requests are built and parsed in.
struct Conn {
    reader: BufReader<TcpStream>,
    request: Vec<u8>,
    line: Vec<u8>,
    /// The server said it would close the connection after the last response.
    closing: bool,
}

impl Conn {
    fn open(addr: SocketAddr) -> io::Result<Conn> {
        let stream = TcpStream::connect_timeout(&addr, IO_TIMEOUT)?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(IO_TIMEOUT))?;
        stream.set_write_timeout(Some(IO_TIMEOUT))?;
        Ok(Conn {
            reader: BufReader::with_capacity(64 * 1024, stream),
            request: Vec::with_capacity(1024),
            line: Vec::with_capacity(256),
            closing: false,
        })
    }

    fn send(&mut self) -> io::Result<()> {
        let stream = self.reader.get_mut();
        stream.write_all(&self.request)?;
        stream.flush()
    }

    /// One HTTP/1.1 request and its response: `value` is the body of a PUT, None for a GET.
    fn http(&mut self, key: u64, value: Option<&[u8]>) -> Result<(), Failure> {
        self.request.clear();
        match value {
            Some(v) => {
                write!(self.request, "PUT /k{key} HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n", v.len())?;
                self.request.extend_from_slice(v);
            }
            None => write!(self.request, "GET /k{key} HTTP/1.1\r\nHost: x\r\n\r\n")?,
        }
        self.send()?;
        loop {
            let status = self.http_response()?;
            match status {
                // An interim response (100 Continue and the like); the real one follows.
                100..=199 => continue,
                200..=299 | 404 => return Ok(()),
                _ => return Err(Failure::Refused(format!("HTTP status {status}"))),
            }
        }
    }

    /// Reads one response (status line, headers, body) and returns its status code.
    fn http_response(&mut self) -> io::Result<u16> {
        let line = read_line(&mut self.reader, &mut self.line)?;
        let text = std::str::from_utf8(line).map_err(|_| invalid("status line is not UTF-8"))?;
        let mut parts = text.splitn(3, ' ');
        let version = parts.next().unwrap_or("");
        if !version.starts_with("HTTP/1.") {
            return Err(invalid(format!("bad status line {text:?}")));
        }
        let http10 = version == "HTTP/1.0";
        let status: u16 = parts
            .next()
            .and_then(|s| parse_decimal(s.as_bytes()))
            .and_then(|s| u16::try_from(s).ok())
            .filter(|s| (100..=999).contains(s))
            .ok_or_else(|| invalid(format!("bad status line {text:?}")))?;

        let (mut length, mut chunked, mut close, mut keep_alive) = (None, false, http10, false);
        loop {
            let line = read_line(&mut self.reader, &mut self.line)?;
            if line.is_empty() {
                break;
            }
            let colon = line.iter().position(|&b| b == b':').ok_or_else(|| invalid("header without a colon"))?;
            let (name, value) = (&line[..colon], &line[colon + 1..]);
            let value = std::str::from_utf8(value).map_err(|_| invalid("header value is not UTF-8"))?.trim();
            if name.eq_ignore_ascii_case(b"content-length") {
                let n = parse_decimal(value.as_bytes()).ok_or_else(|| invalid(format!("Content-Length {value:?}")))?;
                if length.is_some_and(|m| m != n) {
                    return Err(invalid("conflicting Content-Length headers"));
                }
                length = Some(n);
            } else if name.eq_ignore_ascii_case(b"transfer-encoding") {
                // The last coding decides the framing; chunked must be last when present.
                let last = value.rsplit(',').next().unwrap_or("").trim();
                chunked = last.eq_ignore_ascii_case("chunked");
                if !chunked {
                    close = true; // read to the end of the stream (RFC 9112 6.3)
                }
            } else if name.eq_ignore_ascii_case(b"connection") {
                for token in value.split(',').map(str::trim) {
                    close |= token.eq_ignore_ascii_case("close");
                    keep_alive |= token.eq_ignore_ascii_case("keep-alive");
                }
            }
        }
        if http10 && keep_alive {
            close = false;
        }

        if (100..=199).contains(&status) || status == 204 || status == 304 {
            // No body, whatever the headers say.
        } else if chunked {
            self.skip_chunked()?;
        } else if let Some(n) = length {
            skip_exact(&mut self.reader, n)?;
        } else if close || http10 {
            // The body runs to the end of the stream.
            io::copy(&mut self.reader, &mut io::sink())?;
            close = true;
        }
        // Otherwise (HTTP/1.1, neither length nor chunked nor close) the body is empty.
        self.closing = close;
        Ok(status)
    }

    fn skip_chunked(&mut self) -> io::Result<()> {
        loop {
            let line = read_line(&mut self.reader, &mut self.line)?;
            let size = line.split(|&b| b == b';').next().unwrap_or(&[]);
            let size = std::str::from_utf8(size).ok().map(str::trim).unwrap_or("");
            if size.is_empty() || size.len() > 15 {
                return Err(invalid(format!("bad chunk size {:?}", String::from_utf8_lossy(line))));
            }
            let size = u64::from_str_radix(size, 16).map_err(|_| invalid("bad chunk size"))?;
            if size == 0 {
                break;
            }
            skip_exact(&mut self.reader, size)?;
            if !read_line(&mut self.reader, &mut self.line)?.is_empty() {
                return Err(invalid("chunk not followed by CRLF"));
            }
        }
        // Trailer fields, up to the empty line.
        while !read_line(&mut self.reader, &mut self.line)?.is_empty() {}
        Ok(())
    }

    /// One Redis command and its reply: SET when `value` is given, otherwise GET.
    fn redis(&mut self, key: u64, value: Option<&[u8]>) -> Result<(), Failure> {
        self.request.clear();
        let key = format!("k{key}");
        match value {
            Some(v) => {
                write!(self.request, "*3\r\n$3\r\nSET\r\n${}\r\n{key}\r\n${}\r\n", key.len(), v.len())?;
                self.request.extend_from_slice(v);
                self.request.extend_from_slice(b"\r\n");
            }
            None => write!(self.request, "*2\r\n$3\r\nGET\r\n${}\r\n{key}\r\n", key.len())?,
        }
        self.send()?;
        self.resp_reply(0)?.map_err(Failure::Refused)
    }

    /// Reads one RESP reply: Ok(Err(message)) for an error reply (the connection stays usable).
    fn resp_reply(&mut self, depth: u32) -> io::Result<Result<(), String>> {
        if depth > 32 {
            return Err(invalid("RESP reply nested too deeply"));
        }
        let line = read_line(&mut self.reader, &mut self.line)?;
        let (&kind, rest) = line.split_first().ok_or_else(|| invalid("empty RESP line"))?;
        let count = || -> io::Result<Option<u64>> {
            if rest == b"-1" {
                return Ok(None);
            }
            parse_decimal(rest)
                .map(Some)
                .ok_or_else(|| invalid(format!("bad RESP length {:?}", String::from_utf8_lossy(rest))))
        };
        match kind {
            b'+' | b':' => Ok(Ok(())),
            b'-' => Ok(Err(String::from_utf8_lossy(rest).into_owned())),
            b'$' => {
                if let Some(n) = count()? {
                    skip_exact(&mut self.reader, n)?;
                    if !read_line(&mut self.reader, &mut self.line)?.is_empty() {
                        return Err(invalid("bulk string not followed by CRLF"));
                    }
                }
                Ok(Ok(()))
            }
            b'*' => {
                let mut result = Ok(());
                for _ in 0..count()?.unwrap_or(0) {
                    let element = self.resp_reply(depth + 1)?;
                    if result.is_ok() {
                        result = element;
                    }
                }
                Ok(result)
            }
            _ => Err(invalid(format!("bad RESP reply {:?}", String::from_utf8_lossy(line)))),
        }
    }

    fn request(&mut self, proto: Proto, key: u64, value: Option<&[u8]>) -> Result<(), Failure> {
        match proto {
            Proto::Http => self.http(key, value),
            Proto::Redis => self.redis(key, value),
        }
    }
}

/// xorshift64*: plenty for choosing keys and operations.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // splitmix64 of the seed, so that neighbouring seeds give unrelated streams (never 0).
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in 0..n (n > 0), by multiply-shift.
    fn below(&mut self, n: u64) -> u64 {
        ((self.next() as u128 * n as u128) >> 64) as u64
    }
}

#[derive(Default)]
struct Tally {
    requests: u64,
    errors: u64,
    /// Microseconds, for every timed request that received a response.
    latencies: Vec<u32>,
    preload_errors: u64,
    first_error: Option<String>,
}

impl Tally {
    fn note_error(&mut self, what: String) {
        self.errors += 1;
        if self.first_error.is_none() {
            self.first_error = Some(what);
        }
    }
}

enum Outcome {
    Done,
    Failed(Failure),
    /// The connection had been lost and could not be reopened.
    NoConnection(io::Error),
}

/// Issues one request on the connection, reopening it first if it was lost, and drops the
/// connection when it broke or the server said it would close it.
fn attempt(config: &Config, conn: &mut Option<Conn>, key: u64, value: Option<&[u8]>) -> Outcome {
    let c = match conn {
        Some(c) => c,
        None => match Conn::open(config.addr) {
            Ok(c) => conn.insert(c),
            Err(e) => {
                thread::sleep(RECONNECT_PAUSE);
                return Outcome::NoConnection(e);
            }
        },
    };
    let result = c.request(config.proto, key, value);
    if c.closing || matches!(result, Err(Failure::Broken(_))) {
        *conn = None;
    }
    match result {
        Ok(()) => Outcome::Done,
        Err(e) => Outcome::Failed(e),
    }
}

/// One client: stores its share of the keys, waits for the others, then runs the timed loop.
fn client(config: &Config, index: usize, conn: Conn, start: &Barrier) -> Tally {
    let seed = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0);
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0x1000_0000_01B3));
    let value: Vec<u8> = (0..config.value_bytes).map(|i| b'a' + ((i + index) % 26) as u8).collect();
    let mut tally = Tally::default();
    let mut conn = Some(conn);

    // Preload: keys index, index + clients, ... (not measured).
    let mut key = index as u64;
    while key < config.keys {
        if !matches!(attempt(config, &mut conn, key, Some(&value)), Outcome::Done) {
            tally.preload_errors += 1;
        }
        key += config.clients as u64;
    }

    start.wait();
    let deadline = Instant::now() + Duration::from_secs_f64(config.seconds);
    loop {
        let began = Instant::now();
        if began >= deadline {
            break;
        }
        let get = rng.below(100) < config.get_percent as u64;
        let key = rng.below(config.keys);
        let outcome = attempt(config, &mut conn, key, if get { None } else { Some(&value) });
        let micros = began.elapsed().as_micros().min(u32::MAX as u128) as u32;
        tally.requests += 1;
        let op = if get { "GET" } else { "PUT" };
        match outcome {
            Outcome::Done => tally.latencies.push(micros),
            Outcome::Failed(Failure::Refused(why)) => {
                tally.latencies.push(micros);
                tally.note_error(format!("{op} k{key}: error reply: {why}"));
            }
            Outcome::Failed(Failure::Broken(e))
                if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) =>
            {
                tally.note_error(format!("{op} k{key}: no reply within {} s", IO_TIMEOUT.as_secs()))
            }
            Outcome::Failed(Failure::Broken(e)) => tally.note_error(format!("{op} k{key}: {e}")),
            Outcome::NoConnection(e) => tally.note_error(format!("{op} k{key}: reconnect: {e}")),
        }
    }
    tally
}

/// The nearest-rank percentile of sorted microseconds, in milliseconds.
fn percentile_ms(sorted: &[u32], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1] as f64 / 1000.0
}

fn run(config: &Config) -> Result<bool, String> {
    // Open every connection before starting, so that an absent server is reported at once.
    let mut conns = Vec::with_capacity(config.clients);
    for _ in 0..config.clients {
        conns.push(Conn::open(config.addr).map_err(|e| format!("connect to {}: {e}", config.addr))?);
    }
    let start = Arc::new(Barrier::new(config.clients + 1));
    let handles: Vec<_> = conns
        .into_iter()
        .enumerate()
        .map(|(index, conn)| {
            let (config, start) = (config.clone(), Arc::clone(&start));
            thread::Builder::new()
                .name(format!("client-{index}"))
                .spawn(move || client(&config, index, conn, &start))
                .map_err(|e| format!("spawn a client thread: {e}"))
        })
        .collect::<Result<_, _>>()?;
    start.wait();
    let began = Instant::now();

    let mut total = Tally::default();
    for handle in handles {
        let tally = handle.join().map_err(|_| "a client thread panicked".to_string())?;
        total.requests += tally.requests;
        total.errors += tally.errors;
        total.preload_errors += tally.preload_errors;
        total.latencies.extend_from_slice(&tally.latencies);
        if total.first_error.is_none() {
            total.first_error = tally.first_error;
        }
    }
    let seconds = began.elapsed().as_secs_f64();
    total.latencies.sort_unstable();

    if total.preload_errors > 0 {
        eprintln!("loadgen: {} of {} preload requests failed", total.preload_errors, config.keys);
    }
    if let Some(first) = &total.first_error {
        eprintln!("loadgen: {} errors; the first: {first}", total.errors);
    }
    let ok = total.requests - total.errors;
    println!(
        "requests {} rps {:.1} p50_ms {:.3} p99_ms {:.3} errors {}",
        total.requests,
        ok as f64 / seconds,
        percentile_ms(&total.latencies, 0.50),
        percentile_ms(&total.latencies, 0.99),
        total.errors
    );
    Ok(ok > 0)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let config = match parse_args(&args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match run(&config) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("loadgen: no request succeeded");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("loadgen: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let v: Vec<u32> = (1..=100).map(|i| i * 1000).collect();
        assert_eq!(percentile_ms(&v, 0.50), 50.0);
        assert_eq!(percentile_ms(&v, 0.99), 99.0);
        assert_eq!(percentile_ms(&[7000], 0.99), 7.0);
        assert_eq!(percentile_ms(&[], 0.5), 0.0);
    }

    #[test]
    fn rng_below_stays_in_range_and_covers_it() {
        let mut rng = Rng::new(1);
        let mut seen = [false; 10];
        for _ in 0..10_000 {
            let x = rng.below(10);
            seen[x as usize] = true;
        }
        assert!(seen.iter().all(|&s| s));
    }

    #[test]
    fn arguments() {
        let args: Vec<String> = "--proto redis --addr 127.0.0.1:6379 --clients 8 --seconds 3 --get-percent 90"
            .split(' ')
            .map(String::from)
            .collect();
        let c = parse_args(&args).unwrap();
        assert_eq!((c.proto, c.clients, c.get_percent, c.keys, c.value_bytes), (Proto::Redis, 8, 90, 1000, 100));
        assert!(parse_args(&args[..4]).is_err());
        let mut bad = args.clone();
        bad[9] = "101".into();
        assert!(parse_args(&bad).is_err());
    }
}
