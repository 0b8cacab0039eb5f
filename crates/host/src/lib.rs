//! The host Phantom runs on. For now: block devices, moved here from `phantom-store`, and the
//! seeded generator their simulated crashes draw from.

pub mod block;
pub mod rng;

pub use rng::SimRng;
