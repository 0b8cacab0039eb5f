//! Scenarios that hold on every host.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use phantom_host::{Connection, Host};

const STACK: usize = 256 * 1024;

fn read_to_end(conn: &dyn Connection) -> Vec<u8> {
    let mut got = Vec::new();
    let mut buf = [0u8; 3]; // smaller than the messages, so reads come in pieces
    loop {
        match conn.read(&mut buf).expect("read") {
            0 => return got,
            n => got.extend_from_slice(&buf[..n]),
        }
    }
}

/// A server thread and a client thread on loopback: the client sends a request and closes its
/// side; the server reads it to the end and answers it reversed; the client reads the answer to
/// the end. Returns what the client got.
pub fn echo_reversed(host: Arc<dyn Host>, request: &'static [u8]) -> Vec<u8> {
    let listener = host.listen(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).expect("listen");
    let addr = listener.local_addr().unwrap();
    assert_ne!(addr.port(), 0, "port 0 picks a port");
    let server = host
        .spawn(
            "server",
            STACK,
            Box::new(move || {
                let conn = listener.accept().expect("accept");
                let mut received = Vec::new();
                let mut buf = [0u8; 4];
                while received.len() < request.len() {
                    let n = conn.read(&mut buf).expect("server read");
                    assert_ne!(n, 0, "the request ended early");
                    received.extend_from_slice(&buf[..n]);
                }
                received.reverse();
                conn.write_all(&received).expect("server write");
                conn.close().unwrap();
            }),
        )
        .unwrap();
    let (client_host, answer) = (host.clone(), Arc::new(std::sync::Mutex::new(Vec::new())));
    let client_answer = answer.clone();
    let client = host
        .spawn(
            "client",
            STACK,
            Box::new(move || {
                let conn = client_host.connect(addr).expect("connect");
                assert_eq!(conn.peer_addr().unwrap(), addr);
                conn.write_all(request).expect("client write");
                *client_answer.lock().unwrap() = read_to_end(&*conn);
            }),
        )
        .unwrap();
    server.join().expect("server thread");
    client.join().expect("client thread");
    let got = answer.lock().unwrap().clone();
    got
}
