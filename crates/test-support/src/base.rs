//! The shared test base: the runner here, the configuration macro below.

/// An invariant check: a pallet's `do_try_state`.
pub type Check = fn() -> Result<(), sp_runtime::TryRuntimeError>;

/// Runs `test` in `ext`, then each of `checks` (named for the message): a test passes only if
/// every pallet's invariants hold after it.
pub fn run_checked<R>(
	mut ext: sp_io::TestExternalities,
	checks: &[(&str, Check)],
	test: impl FnOnce() -> R,
) -> R {
	ext.execute_with(|| {
		let result = test();
		for (name, check) in checks {
			if let Err(e) = check() {
				panic!("{name} invariants broken after the test: {e:?}");
			}
		}
		result
	})
}

/// Configures `System`, `Balances`, `Timestamp`, `Flux` and, with `power: { .. }`, `Power` for
/// the mock runtime `$runtime`, with the values every Fluxomics test uses, and defines beside it:
///
/// - `AccountId` (`u64`), `ED` (the existential deposit of HETU, 1 000 planck);
/// - `ExtBuilder`: `ExtBuilder::new(start).hetu(&[..]).flux(&[..]).power(params)`, then
///   `.build(|storage| { /* the mock's own genesis */ })`: genesis of System, Balances, Flux and
///   Power, block 1, chain time `start`;
/// - `AccountState` and `Snapshot`: an account's HETU, Flux (free, staked, held, unbonding) and,
///   with Power, its Power accrued to now; `Snapshot::take(&[who, ..])` before and after a call,
///   and `before.delta(&after, who)` to assert exactly what changed.
///
/// The mock imports `frame_support::derive_impl` (the expansion uses it by name). The names
/// `System`, `Balances`, `Timestamp`, `Flux` and `Power` in `construct_runtime!` are
/// the ones it configures. Options:
///
/// - `observer: X` (without `power`): Flux's `StakeObserver` (default `()`);
/// - `power: { listed: L, max_leases: N }`: Power is configured, with `L` as its
///   `ListedStake` and `N` leases at most per account; Power observes Flux's stake and the
///   timestamp.
#[macro_export]
macro_rules! test_base {
	(runtime: $rt:ident $(, observer: $obs:ty)? $(,)?) => {
		$crate::test_base!(@flux $rt, ($($obs)?), ());
		$crate::test_base!(@builder $rt, {});
		$crate::test_base!(@snapshot $rt, |_who| ::fluxomics_primitives::PerKind::default());
	};
	(runtime: $rt:ident, power: { listed: $listed:ty, max_leases: $leases:ty $(,)? } $(,)?) => {
		$crate::test_base!(@flux $rt, (Power), Power);
		impl pallet_power::Config for $rt {
			type Stake = Flux;
			type Listed = $listed;
			type Time = Timestamp;
			type UpdateOrigin = frame_system::EnsureRoot<AccountId>;
			type MaxDelegations = ::frame_support::traits::ConstU32<3>;
			type MaxLeases = $leases;
			type MaxDelegationLock = ::frame_support::traits::ConstU64<{ 30 * DAY }>;
			type MaxCheckpoints = ::frame_support::traits::ConstU32<4>;
			type MaxCapPeriod = ::frame_support::traits::ConstU64<{ 365 * DAY }>;
			type MinDelegation = ::frame_support::traits::ConstU128<{ ::fluxomics_primitives::UNIT }>;
			type MaxSponsoredKeys = ::frame_support::traits::ConstU32<4>;
			type MaxSponsorBatch = ::frame_support::traits::ConstU32<3>;
			type WeightInfo = ();
		}
		$crate::test_base!(@builder $rt, {
			/// Power's genesis parameters (`None`: the pallet's defaults).
			power: Option<pallet_power::PowerParams>,
		} |this, storage| {
			pallet_power::GenesisConfig::<$rt> { params: this.power, ..Default::default() }
				.assimilate_storage(storage)
				.expect("Power genesis builds");
		});
		impl ExtBuilder {
			/// Power's genesis parameters.
			pub fn power(mut self, params: pallet_power::PowerParams) -> Self {
				self.power = Some(params);
				self
			}
		}
		$crate::test_base!(@snapshot $rt, |who| {
			<pallet_power::Pallet<$rt> as ::fluxomics_primitives::PowerLedger<AccountId>>::available(who)
		});
	};

	(@flux $rt:ident, ($($obs:ty)?), $ots:ty) => {
		/// Accounts of the mock runtime.
		pub type AccountId = u64;
		/// The existential deposit of HETU, in planck.
		pub const ED: ::fluxomics_primitives::Balance = 1_000;
		/// One day of chain time, in ms.
		pub const DAY: u64 = ::fluxomics_primitives::MILLIS_PER_DAY;

		#[::frame_support::derive_impl(frame_system::config_preludes::TestDefaultConfig)]
		impl frame_system::Config for $rt {
			type Block = frame_system::mocking::MockBlock<$rt>;
			type AccountData = pallet_balances::AccountData<::fluxomics_primitives::Balance>;
		}

		#[::frame_support::derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
		impl pallet_balances::Config for $rt {
			type Balance = ::fluxomics_primitives::Balance;
			type ExistentialDeposit = ::frame_support::traits::ConstU128<ED>;
			type AccountStore = System;
		}

		impl pallet_timestamp::Config for $rt {
			type Moment = u64;
			type OnTimestampSet = $ots;
			type MinimumPeriod = ::frame_support::traits::ConstU64<1>;
			type WeightInfo = ();
		}

		::frame_support::parameter_types! {
			pub const FluxPalletId: ::frame_support::PalletId =
				::frame_support::PalletId(*b"flx/ledg");
		}

		impl pallet_flux::Config for $rt {
			type Currency = Balances;
			type StakeObserver = $crate::test_base!(@or ($($obs)?), ());
			type Time = Timestamp;
			type UpdateOrigin = frame_system::EnsureRoot<AccountId>;
			type PalletId = FluxPalletId;
			type MaxUnbondingChunks = ::frame_support::traits::ConstU32<4>;
			type MaxUnbondingPeriod = ::frame_support::traits::ConstU64<{ 365 * DAY }>;
			type WeightInfo = ();
		}
	};
	(@or ($t:ty), $default:ty) => { $t };
	(@or (), $default:ty) => { $default };

	(@builder $rt:ident, { $($field_doc:tt)* } $(|$this:ident, $storage:ident| $extra:block)?) => {
		/// The genesis of a test: HETU balances, Flux accounts and chain time.
		#[derive(Default)]
		pub struct ExtBuilder {
			/// Chain time at block 1, in ms.
			start: u64,
			/// `(account, HETU)`.
			hetu: Vec<(AccountId, ::fluxomics_primitives::Balance)>,
			/// `(account, free Flux, staked Flux)`.
			flux: Vec<(AccountId, ::fluxomics_primitives::Balance, ::fluxomics_primitives::Balance)>,
			$($field_doc)*
		}

		impl ExtBuilder {
			/// A genesis whose block 1 is at chain time `start`, with nothing in it.
			pub fn new(start: u64) -> Self {
				Self { start, ..Default::default() }
			}

			/// HETU balances: `(account, planck)`.
			pub fn hetu(mut self, balances: &[(AccountId, ::fluxomics_primitives::Balance)]) -> Self {
				self.hetu = balances.to_vec();
				self
			}

			/// Flux accounts: `(account, free, staked)`.
			pub fn flux(
				mut self,
				accounts: &[(AccountId, ::fluxomics_primitives::Balance, ::fluxomics_primitives::Balance)],
			) -> Self {
				self.flux = accounts.to_vec();
				self
			}

			/// The genesis storage of the base pallets.
			pub fn storage(&self) -> $crate::reexport::sp_runtime::Storage {
				use $crate::reexport::sp_runtime::BuildStorage;
				let mut storage = frame_system::GenesisConfig::<$rt>::default()
					.build_storage()
					.expect("System genesis builds");
				pallet_balances::GenesisConfig::<$rt> {
					balances: self.hetu.clone(),
					..Default::default()
				}
				.assimilate_storage(&mut storage)
				.expect("Balances genesis builds");
				pallet_flux::GenesisConfig::<$rt> { params: None, accounts: self.flux.clone() }
					.assimilate_storage(&mut storage)
					.expect("Flux genesis builds");
				$(
					let $this = self;
					let $storage = &mut storage;
					$extra
				)?
				storage
			}

			/// The externality: the base genesis, then `extra` (the mock's own pallets'
			/// genesis), at block 1 and chain time `start`.
			pub fn build(
				self,
				extra: impl FnOnce(&mut $crate::reexport::sp_runtime::Storage),
			) -> $crate::reexport::sp_io::TestExternalities {
				let mut storage = self.storage();
				extra(&mut storage);
				let mut ext = $crate::reexport::sp_io::TestExternalities::new(storage);
				let start = self.start;
				ext.execute_with(|| {
					System::set_block_number(1);
					Timestamp::set_timestamp(start);
				});
				ext
			}
		}
	};

	(@snapshot $rt:ident, |$who:ident| $power:expr) => {
		/// One account's money, as a test sees it.
		#[derive(Clone, Debug, Default, PartialEq, Eq)]
		pub struct AccountState {
			/// Free HETU, in planck.
			pub hetu: ::fluxomics_primitives::Balance,
			/// Free Flux.
			pub free: ::fluxomics_primitives::Balance,
			/// Staked Flux.
			pub staked: ::fluxomics_primitives::Balance,
			/// Held Flux (collateral).
			pub held: ::fluxomics_primitives::Balance,
			/// Unbonding Flux, all chunks.
			pub unbonding: ::fluxomics_primitives::Balance,
			/// Power accrued to now (zero without the Power pallet).
			pub power: ::fluxomics_primitives::PerKind<::fluxomics_primitives::PowerUnits>,
		}

		impl AccountState {
			/// `who`'s state now.
			pub fn of($who: &AccountId) -> Self {
				let flux = pallet_flux::Accounts::<$rt>::get($who).unwrap_or_default();
				Self {
					hetu: pallet_balances::Pallet::<$rt>::free_balance($who),
					free: flux.free,
					staked: flux.staked,
					held: flux.held,
					unbonding: flux.unbonding.iter().map(|c| c.amount).sum(),
					power: $power,
				}
			}

			/// All of the account's Flux.
			pub fn flux(&self) -> ::fluxomics_primitives::Balance {
				self.free + self.staked + self.held + self.unbonding
			}
		}

		/// Accounts' states and the issuances at one moment.
		#[derive(Clone, Debug, PartialEq, Eq)]
		pub struct Snapshot {
			/// Each account asked for, with its state.
			pub accounts: Vec<(AccountId, AccountState)>,
			/// Flux in existence.
			pub flux_issuance: ::fluxomics_primitives::Balance,
			/// HETU in existence.
			pub hetu_issuance: ::fluxomics_primitives::Balance,
		}

		/// What changed for one account between two snapshots (after − before).
		#[derive(Clone, Debug, Default, PartialEq, Eq)]
		pub struct AccountDelta {
			/// Free HETU.
			pub hetu: i128,
			/// Free Flux.
			pub free: i128,
			/// Staked Flux.
			pub staked: i128,
			/// Held Flux.
			pub held: i128,
			/// Unbonding Flux.
			pub unbonding: i128,
			/// Messaging Power.
			pub msg: i128,
			/// Execution Power.
			pub exec: i128,
		}

		impl Snapshot {
			/// The states of `accounts` and the issuances now.
			pub fn take(accounts: &[AccountId]) -> Self {
				Self {
					accounts: accounts.iter().map(|who| (*who, AccountState::of(who))).collect(),
					flux_issuance: pallet_flux::TotalIssuance::<$rt>::get(),
					hetu_issuance: pallet_balances::TotalIssuance::<$rt>::get(),
				}
			}

			/// `who`'s state in this snapshot (default if it was not asked for).
			pub fn of(&self, who: AccountId) -> AccountState {
				self.accounts
					.iter()
					.find(|(a, _)| *a == who)
					.map(|(_, s)| s.clone())
					.unwrap_or_default()
			}

			/// What changed for `who` from this snapshot to `after`.
			pub fn delta(&self, after: &Self, who: AccountId) -> AccountDelta {
				let (b, a) = (self.of(who), after.of(who));
				let d = |x: u128, y: u128| y as i128 - x as i128;
				AccountDelta {
					hetu: d(b.hetu, a.hetu),
					free: d(b.free, a.free),
					staked: d(b.staked, a.staked),
					held: d(b.held, a.held),
					unbonding: d(b.unbonding, a.unbonding),
					msg: d(b.power.msg, a.power.msg),
					exec: d(b.power.exec, a.power.exec),
				}
			}
		}
	};
}
