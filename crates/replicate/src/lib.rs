//! Replication of a Phantom image to an S3 object store, and restore from it: `s3` is the
//! object store, `replica` what a replica is there, how a committed snapshot is shipped to it
//! and how an image is rebuilt from it.
pub mod replica;
pub mod s3;
pub mod seaweed;

pub use replica::{generations, restore, Manifest, Shipper};
pub use s3::Remote;
