//! The S3 publisher `vanban init --host s3` writes, against a local
//! S3-compatible server (moto in server mode on 127.0.0.1; scripts/test
//! installs `moto[server]` and `boto3` from PyPI): the first upload sends
//! every file, the second after editing one document only the files that
//! changed, and the bucket then holds exactly the built site.

use crate::site;

use site::*;
use std::collections::BTreeSet;
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

struct Moto {
    child: Child,
    port: u16,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn moto() -> Moto {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new("python3")
        .args([
            "-m",
            "moto.server",
            "-H",
            "127.0.0.1",
            "-p",
            &port.to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3");
    let mut server = Moto { child, port };
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = server.child.try_wait() {
            panic!(
                "moto's server exited ({status}): install it with `python3 -m pip install 'moto[server]' boto3` (scripts/test does)"
            );
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "moto did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    server
}

fn python(server: &Moto, dir: &Path, args: &[&str]) -> Output {
    Command::new("python3")
        .args(args)
        .current_dir(dir)
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env(
            "AWS_ENDPOINT_URL",
            format!("http://127.0.0.1:{}", server.port),
        )
        .output()
        .unwrap()
}

fn ok(o: Output) -> String {
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn uploaded(report: &str) -> BTreeSet<String> {
    report
        .lines()
        .filter_map(|l| l.strip_prefix("upload "))
        .map(str::to_string)
        .collect()
}

const LIST: &str = "import boto3,sys\ns3=boto3.client('s3')\nkeys=[]\nfor page in s3.get_paginator('list_objects_v2').paginate(Bucket='kho'):\n    keys+=[o['Key'] for o in page.get('Contents',[])]\nprint('\\n'.join(keys))\n";

#[test]
fn the_second_upload_after_one_edit_sends_only_the_files_that_changed() {
    let server = moto();
    let tmp = tempfile::tempdir().unwrap();
    let out = vanban(tmp.path(), &["init", "--host", "s3", "kho"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let kho = tmp.path().join("kho");
    assert!(kho.join("publish-s3.py").is_file());
    copy_dir(&seeds(), &kho.join("content"));
    ok(python(
        &server,
        &kho,
        &[
            "-c",
            "import boto3; boto3.client('s3').create_bucket(Bucket='kho')",
        ],
    ));
    let build = || {
        let out = vanban(&kho, &["build", "--base-url", "https://cdn.example/"]);
        assert!(out.status.success(), "{}", stderr(&out));
        snapshot(&kho.join("public"))
    };
    let publish = || ok(python(&server, &kho, &["publish-s3.py", "--bucket", "kho"]));

    let first = build();
    let report = publish();
    assert_eq!(
        uploaded(&report),
        first.keys().cloned().collect::<BTreeSet<_>>(),
        "{report}"
    );
    // Published again unchanged: nothing is sent.
    let report = publish();
    assert!(uploaded(&report).is_empty(), "{report}");
    assert!(report.contains(&format!("0 uploaded, 0 deleted, {} unchanged", first.len())));

    let file = kho.join("content/tinh-uy-kien-giang/2021-09-01-374-tb-tu.md");
    let text = read(&file);
    std::fs::write(&file, format!("{text}\nĐoạn thêm sau khi sửa.\n")).unwrap();
    let second = build();
    let changed: BTreeSet<String> = second
        .iter()
        .filter(|(k, v)| first.get(*k) != Some(v))
        .map(|(k, _)| k.clone())
        .collect();
    assert!(
        changed.contains("van-ban/2021/374-tb-tu/index.html"),
        "{changed:?}"
    );
    assert!(
        changed.len() * 2 < second.len(),
        "{} of {}",
        changed.len(),
        second.len()
    );
    let report = publish();
    assert_eq!(uploaded(&report), changed, "{report}");

    // The bucket holds the built site, byte for byte where checked, and
    // the manifest.
    let keys: BTreeSet<String> = ok(python(&server, &kho, &["-c", LIST]))
        .lines()
        .map(str::to_string)
        .collect();
    let mut expected: BTreeSet<String> = second.keys().cloned().collect();
    expected.insert(".vanban-manifest.json".into());
    assert_eq!(keys, expected);
    let got = ok(python(
        &server,
        &kho,
        &[
            "-c",
            "import boto3,sys; sys.stdout.write(boto3.client('s3').get_object(Bucket='kho',Key='van-ban/2021/374-tb-tu/index.html')['Body'].read().decode())",
        ],
    ));
    assert_eq!(
        got.as_bytes(),
        second["van-ban/2021/374-tb-tu/index.html"].as_slice()
    );
}
