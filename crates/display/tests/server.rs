//! The server without a browser: tokens, the WebSocket stream, input, the inspector, restart.

mod common;

use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::Duration;

use common::*;
use phantom_display::wire::{self, parse_header, Header};
use phantom_display::*;
use tungstenite::{Message, WebSocket};

type Client = WebSocket<TcpStream>;

fn connect(addr: SocketAddr, token: &str) -> Result<Client, tungstenite::Error> {
    let stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let url = format!("ws://{addr}/ws?token={token}");
    tungstenite::client(url.as_str(), stream).map(|(socket, _)| socket).map_err(|error| match error {
        tungstenite::HandshakeError::Failure(error) => error,
        tungstenite::HandshakeError::Interrupted(_) => panic!("a blocking handshake was interrupted"),
    })
}

fn next_binary(client: &mut Client) -> Vec<u8> {
    loop {
        match client.read().expect("a message") {
            Message::Binary(bytes) => return bytes.to_vec(),
            Message::Ping(_) | Message::Pong(_) => {}
            other => panic!("unexpected {other:?}"),
        }
    }
}

/// Reads until the server ends the connection; a read timeout is a failure.
fn assert_closed(client: &mut Client) {
    loop {
        match client.read() {
            Ok(_) => {}
            Err(tungstenite::Error::Io(error))
                if matches!(error.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) =>
            {
                panic!("the server did not close the connection")
            }
            Err(_) => return,
        }
    }
}

fn header(message: &[u8]) -> Header {
    parse_header(message).expect("a whole header")
}

fn red_window(display: &Display) {
    display.publish(Update::Window { id: 5, left: 10, top: 30, width: 4, height: 3, title: "demo".into() });
    display.publish(Update::Pixels { id: 5, x: 0, y: 0, width: 4, height: 3, rgba: solid(4, 3, [255, 0, 0, 255]) });
}

#[test]
fn display_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Display>();
}

#[test]
fn requests_without_the_token_are_refused() {
    let display = start(loopback(), Some("sesame"), Arc::default());
    let addr = display.local_addr();
    assert_eq!(display.url(), format!("http://{addr}/?token=sesame"));
    assert_eq!(get(addr, "/").0, 403);
    assert_eq!(get(addr, "/?token=sesam").0, 403);
    assert_eq!(get(addr, "/?token=sesamee").0, 403);
    assert_eq!(get(addr, "/inspect/threads").0, 403);
    assert_eq!(get(addr, "/api/threads?token=wrong").0, 403);
    for token in ["", "wrong"] {
        match connect(addr, token) {
            Err(tungstenite::Error::Http(response)) => assert_eq!(response.status().as_u16(), 403),
            other => panic!("the upgrade was not refused: {:?}", other.map(|_| ())),
        }
    }
    let (status, head, body) = request(addr, "GET", "/?token=sesame");
    assert_eq!(status, 200);
    assert!(head.contains("Set-Cookie: phantom_token=sesame"), "{head}");
    let page = String::from_utf8(body).unwrap();
    assert!(page.contains("<canvas id=\"screen\" width=\"640\" height=\"480\""), "{page}");
    assert_eq!(display.stats().clients_connected, 0);
}

#[test]
fn a_random_token_is_32_hex_characters_and_bad_tokens_are_refused() {
    let display = start(loopback(), None, Arc::default());
    assert_eq!(display.token().len(), 32);
    assert!(display.token().bytes().all(|byte| byte.is_ascii_hexdigit()));
    let config = Config { addr: loopback(), token: Some("has space".into()), screen: (1, 1) };
    let refused = Display::start(config, Arc::new(RecordingSink::default()), Arc::new(FakeInspect));
    assert_eq!(refused.unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
}

#[test]
fn a_new_client_gets_the_full_state_then_only_damage() {
    let display = start(loopback(), Some("t"), Arc::default());
    display.publish(Update::Background { width: 2, height: 1, rgba: solid(2, 1, [0, 0, 255, 255]) });
    red_window(&display);
    let mut client = connect(display.local_addr(), "t").unwrap();

    let reset = next_binary(&mut client);
    assert_eq!(header(&reset), Header { kind: wire::RESET, id: 0, x: 0, y: 0, width: 640, height: 480 });
    let background = next_binary(&mut client);
    assert_eq!(header(&background).kind, wire::BACKGROUND);
    assert_eq!(&background[wire::HEADER_LEN..], solid(2, 1, [0, 0, 255, 255]).as_slice());
    let window = next_binary(&mut client);
    assert_eq!(header(&window), Header { kind: wire::WINDOW, id: 5, x: 10, y: 30, width: 4, height: 3 });
    assert_eq!(&window[wire::HEADER_LEN..], b"demo");
    let pixels = next_binary(&mut client);
    assert_eq!(header(&pixels), Header { kind: wire::PIXELS, id: 5, x: 0, y: 0, width: 4, height: 3 });
    assert_eq!(&pixels[wire::HEADER_LEN..], solid(4, 3, [255, 0, 0, 255]).as_slice());
    let order = next_binary(&mut client);
    assert_eq!(header(&order).kind, wire::ORDER);
    assert_eq!(&order[wire::HEADER_LEN..], 5u64.to_le_bytes().as_slice());
    assert_eq!(header(&next_binary(&mut client)).kind, wire::SYNCED);

    display.publish(Update::Pixels { id: 5, x: 1, y: 2, width: 2, height: 1, rgba: solid(2, 1, [0, 255, 0, 255]) });
    let damage = next_binary(&mut client);
    assert_eq!(header(&damage), Header { kind: wire::PIXELS, id: 5, x: 1, y: 2, width: 2, height: 1 });
    assert_eq!(&damage[wire::HEADER_LEN..], solid(2, 1, [0, 255, 0, 255]).as_slice());

    // Updates the mirror refuses send nothing; the next real one is the next message.
    display.publish(Update::Pixels { id: 99, x: 0, y: 0, width: 1, height: 1, rgba: vec![0; 4] });
    display.publish(Update::Pixels { id: 5, x: 0, y: 0, width: 1, height: 1, rgba: vec![0; 3] });
    display.publish(Update::Raise { id: 5 });
    assert_eq!(header(&next_binary(&mut client)).kind, wire::ORDER);
    display.publish(Update::Close { id: 5 });
    assert_eq!(header(&next_binary(&mut client)), Header { kind: wire::CLOSE, id: 5, x: 0, y: 0, width: 0, height: 0 });

    let stats = display.stats();
    assert_eq!(stats.updates_published, 8);
    assert_eq!(stats.updates_ignored, 2);
    assert_eq!(stats.clients_connected, 1);
    // Each message is counted after it is written: the one just read may not be yet.
    assert!(stats.messages_sent >= 8, "{stats:?}");
    assert!(stats.bytes_sent > 48, "{stats:?}");
}

#[test]
fn damage_before_the_sender_runs_is_sent_once_from_the_mirror() {
    let display = start(loopback(), Some("t"), Arc::default());
    red_window(&display);
    let mut client = connect(display.local_addr(), "t").unwrap();
    while header(&next_binary(&mut client)).kind != wire::SYNCED {}
    // A burst of overlapping updates: however the sender interleaves, the last bytes win
    // and the client is never sent more rectangles than updates.
    for shade in 0..50u8 {
        display.publish(Update::Pixels {
            id: 5,
            x: 0,
            y: 0,
            width: 2,
            height: 2,
            rgba: solid(2, 2, [shade, 0, 0, 255]),
        });
    }
    display.publish(Update::Window { id: 5, left: 10, top: 30, width: 4, height: 3, title: "marker".into() });
    let mut rects = 0;
    let mut last = Vec::new();
    loop {
        let message = next_binary(&mut client);
        match header(&message).kind {
            wire::PIXELS => {
                rects += 1;
                last = message[wire::HEADER_LEN..].to_vec();
            }
            wire::WINDOW if message.ends_with(b"marker") => break,
            _ => {}
        }
    }
    // The marker may overtake the last pixels when both were pending together.
    while last != solid(2, 2, [49, 0, 0, 255]) {
        let message = next_binary(&mut client);
        assert_eq!(header(&message).kind, wire::PIXELS);
        rects += 1;
        last = message[wire::HEADER_LEN..].to_vec();
    }
    assert!(rects <= 50, "{rects} rectangles for 50 updates");
}

#[test]
fn bad_client_messages_are_ignored_and_valid_input_arrives() {
    let sink = Arc::new(RecordingSink::default());
    let display = start(loopback(), Some("t"), sink.clone());
    red_window(&display);
    let mut client = connect(display.local_addr(), "t").unwrap();
    for bad in [
        "not json",
        "{}",
        r#"{"type":"key","window":"999","code":37,"text":"","down":true}"#,
        r#"{"type":"mouse","window":"5","x":"left","y":0,"kind":"move"}"#,
        r#"{"type":"key","window":"5","code":37}"#,
    ] {
        client.send(Message::text(bad)).unwrap();
    }
    client.send(Message::binary(vec![1, 2, 3])).unwrap();
    client.send(Message::text(r#"{"type":"key","window":"5","code":37,"text":"","down":true}"#)).unwrap();
    client.send(Message::text(r#"{"type":"mouse","window":5,"x":1,"y":2,"buttons":1,"kind":"down"}"#)).unwrap();
    let expected = vec![
        Input::Key { window: 5, code: 37, text: String::new(), down: true },
        Input::Mouse { window: 5, x: 1, y: 2, buttons: 1, kind: MouseKind::Down },
    ];
    assert_eq!(sink.wait_for(2), expected);

    // One message over the limit ends that client, and only that client.
    let mut flooder = connect(display.local_addr(), "t").unwrap();
    let huge = format!(r#"{{"type":"key","window":"5","code":1,"down":true,"text":"{}"}}"#, "x".repeat(100_000));
    let _ = flooder.send(Message::text(huge));
    assert_closed(&mut flooder);

    // Many bad messages end a client too.
    let mut pest = connect(display.local_addr(), "t").unwrap();
    for _ in 0..40 {
        if pest.send(Message::text("garbage")).is_err() {
            break;
        }
    }
    assert_closed(&mut pest);

    client.send(Message::text(r#"{"type":"key","window":"5","code":65,"text":"a","down":false}"#)).unwrap();
    let events = sink.wait_for(3);
    assert_eq!(events.len(), 3);
    assert_eq!(events[2], Input::Key { window: 5, code: 65, text: "a".into(), down: false });
    assert_eq!(get(display.local_addr(), "/inspect?token=t").0, 200);
}

#[test]
fn the_inspector_renders_threads_objects_classes_and_snapshots() {
    let display = start(loopback(), Some("t"), Arc::default());
    let addr = display.local_addr();

    let (status, index) = get(addr, "/inspect?token=t");
    assert_eq!(status, 200);
    assert!(index.contains("href=\"/inspect/object/1?token=t\""), "{index}");

    let (status, threads) = get(addr, "/inspect/threads?token=t");
    assert_eq!(status, 200);
    assert!(threads.contains("thread 3 (running)"), "{threads}");
    assert!(threads.contains(".demo.app.runLoop") && threads.contains("app.ph:12"), "{threads}");
    assert!(threads.contains("href=\"/inspect/object/2?token=t\""), "{threads}");
    assert!(threads.contains("&lt;script&gt;") && !threads.contains("<script>"), "{threads}");

    let (status, root) = get(addr, "/inspect/object/1?token=t");
    assert_eq!(status, 200);
    assert!(root.contains("<a href=\"/inspect/object/2?token=t\">#2 &lt;script&gt;</a>"), "{root}");
    assert!(root.contains("&lt;b&gt;bold&lt;/b&gt; &amp; more"), "{root}");
    let (status, picture) = get(addr, "/inspect/object/2?token=t");
    assert_eq!(status, 200);
    assert!(picture.contains("<pre>hello</pre>") && picture.contains("16"), "{picture}");
    assert!(picture.contains("<img src=\"/inspect/image/2.bmp?token=t\""), "{picture}");

    let (status, head, bmp) = request(addr, "GET", "/inspect/image/2.bmp?token=t");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: image/bmp"));
    assert_eq!(&bmp[..2], b"BM");
    assert_eq!(bmp.len(), 122 + 16);
    assert_eq!(&bmp[122..126], &[0, 0, 255, 255]);
    assert_eq!(get(addr, "/inspect/image/1.bmp?token=t").0, 404);

    let (status, classes) = get(addr, "/inspect/classes?token=t");
    assert_eq!(status, 200);
    assert!(classes.contains(".internal.object") && classes.contains("4: runLoop"), "{classes}");
    let (status, timeline) = get(addr, "/inspect/timeline?token=t");
    assert_eq!(status, 200);
    assert!(timeline.contains("<svg") && timeline.matches("class=\"bar pause\"").count() == 3, "{timeline}");

    let json = |path: &str| -> serde_json::Value {
        let (status, body) = get(addr, path);
        assert_eq!(status, 200, "{path}");
        serde_json::from_str(&body).unwrap()
    };
    assert_eq!(json("/api/threads?token=t")[0]["frames"][0]["method"], METHOD);
    assert_eq!(json("/api/threads?token=t")[0]["frames"][0]["locals"][0]["id"], 2);
    let object = json("/api/object/1?token=t");
    assert_eq!(object["fields"][0]["value"]["kind"], "object");
    assert_eq!(object["fields"][1]["value"]["value"], "<b>bold</b> & more");
    assert_eq!(json("/api/object/2?token=t")["image"]["width"], 2);
    assert_eq!(json("/api/classes?token=t")[0]["methods"][0]["name"], METHOD);
    assert_eq!(json("/api/snapshots?token=t").as_array().unwrap().len(), 3);

    assert_eq!(get(addr, "/api/object/77?token=t").0, 404);
    assert_eq!(get(addr, "/inspect/object/77?token=t").0, 404);
    assert_eq!(get(addr, "/inspect/object/+1?token=t").0, 404);
    assert_eq!(get(addr, "/inspect/object/99999999999999999999999?token=t").0, 404);
    assert_eq!(get(addr, "/nowhere?token=t").0, 404);
    assert_eq!(get(addr, "/ws?token=t").0, 400);
    let (status, head, _) = request(addr, "POST", "/inspect?token=t");
    assert_eq!(status, 405);
    assert!(head.contains("Allow: GET"));
}

#[test]
fn garbage_requests_get_an_error_and_the_server_goes_on() {
    use std::io::{Read, Write};
    let display = start(loopback(), Some("t"), Arc::default());
    let addr = display.local_addr();
    for garbage in [&b"\x00\x01\x02\r\n\r\n"[..], b"GET\r\n\r\n", b"GET /%ff%fe HTTP/1.1\r\n\r\n", &[b'a'; 20_000]] {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let _ = stream.write_all(garbage);
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let answer = String::from_utf8_lossy(&answer);
        assert!(answer.starts_with("HTTP/1.1 4"), "{answer}");
    }
    // A client that connects and says nothing does not block others.
    let _silent = TcpStream::connect(addr).unwrap();
    assert_eq!(get(addr, "/?token=t").0, 200);
}

#[test]
fn an_inspector_that_fails_gets_a_500_and_the_server_goes_on() {
    let display = start(loopback(), Some("tok"), Arc::new(RecordingSink::default()));
    let addr = display.local_addr();
    for _ in 0..3 {
        assert_eq!(get(addr, &format!("/api/object/{PANICS}?token=tok")).0, 500);
        assert_eq!(get(addr, "/api/object/1?token=tok").0, 200);
    }
    display.stop();
}

#[test]
fn stop_closes_clients_and_start_again_on_the_same_address_works() {
    let sink = Arc::new(RecordingSink::default());
    let first = start(loopback(), Some("again"), sink.clone());
    let addr = first.local_addr();
    red_window(&first);
    let mut client = connect(addr, "again").unwrap();
    while header(&next_binary(&mut client)).kind != wire::SYNCED {}
    first.stop();
    assert_closed(&mut client);
    assert!(TcpStream::connect(addr).is_err(), "the listener is closed");
    first.stop(); // twice is harmless

    let second = start(addr, Some("again"), sink);
    assert_eq!(second.local_addr(), addr);
    assert_eq!(get(addr, "/?token=again").0, 200);
    red_window(&second);
    let mut client = connect(addr, "again").unwrap();
    assert_eq!(header(&next_binary(&mut client)).kind, wire::RESET);
    drop(second);
    assert!(TcpStream::connect(addr).is_err(), "dropping the display stops it");
}
