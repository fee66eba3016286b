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
