//! Ranking an epoch as the chain exports it, for the off-chain check.
//!
//! The Flox pallet publishes an epoch's edges as `(target, caller, gas)` account triples in
//! recording order, the boosts of each role by index, and the ranking parameters. It indexes the
//! accounts of each role in order of first appearance in that edge list; [`rank_exported`] does
//! the same and ranks with this crate, so its [`Ranking::digest`] is the chain's digest exactly
//! when the chain ranked what it published.

use crate::{rank, Graph, Params, RankError, Ranking};
use alloc::{collections::BTreeMap, vec::Vec};

/// The index of `who` in `seen`, giving it the next one if it is new.
fn index_of<A: Ord + Clone>(seen: &mut BTreeMap<A, u32>, who: &A) -> Result<u32, RankError> {
	if let Some(&i) = seen.get(who) {
		return Ok(i);
	}
	let next = u32::try_from(seen.len()).map_err(|_| RankError::TooLarge)?;
	seen.insert(who.clone(), next);
	Ok(next)
}

/// Ranks `edges` (`(target, caller, gas)` in the chain's recording order) with the boosts of
/// each role by index of first appearance, as the chain does.
pub fn rank_exported<A: Ord + Clone>(
	edges: &[(A, A, u128)],
	target_boosts: &[u128],
	caller_boosts: &[u128],
	params: Params,
) -> Result<Ranking, RankError> {
	let mut targets = BTreeMap::new();
	let mut callers = BTreeMap::new();
	let indexed = edges
		.iter()
		.map(|(t, c, gas)| Ok((index_of(&mut targets, t)?, index_of(&mut callers, c)?, *gas)))
		.collect::<Result<Vec<_>, RankError>>()?;
	if targets.len() != target_boosts.len() || callers.len() != caller_boosts.len() {
		return Err(RankError::IndexOutOfRange);
	}
	let graph = Graph::new(&indexed, target_boosts, caller_boosts)?;
	Ok(rank(&graph, params))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn indexes_by_first_appearance_like_the_chain() {
		let edges = [("b", "x", 5u128), ("a", "y", 3), ("b", "y", 2)];
		let exported = rank_exported(&edges, &[1, 2], &[3, 1], Params::default()).unwrap();
		let indexed = [(0u32, 0u32, 5u128), (1, 1, 3), (0, 1, 2)];
		let graph = Graph::new(&indexed, &[1, 2], &[3, 1]).unwrap();
		assert_eq!(exported, rank(&graph, Params::default()));
	}

	#[test]
	fn boosts_must_cover_every_account() {
		let edges = [("b", "x", 5u128), ("a", "y", 3)];
		assert_eq!(
			rank_exported(&edges, &[1], &[1, 1], Params::default()),
			Err(RankError::IndexOutOfRange)
		);
	}
}
