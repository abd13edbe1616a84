#pragma once
// Argon2id through libsodium's crypto_pwhash_str: the one place secrets and
// PINs become hashes. The string it makes carries its own salt and limits
// ("$argon2id$v=19$m=65536,t=2,p=1$salt$hash"), so a check needs nothing
// else, and one made with other limits (tests, an older server) still checks.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace oneservice::central::store {

struct HashLimits {
  unsigned long long opslimit;  // passes over memory
  std::size_t memlimit;         // bytes
};

// Staff secrets, checked on the server at every sign-in: libsodium's
// "interactive" pair, 2 passes over 64 MiB (about 0.1 s on one core of a
// 2020s server). More memory per check would let a burst of sign-ins at the
// start of a shift exhaust the server; fewer passes would make a stolen
// database cheaper to attack. Hashing runs at most kConcurrentHashes at once
// (see below), so sign-ins cost at most 4 x 64 MiB whatever arrives.
inline constexpr HashLimits kSecretLimits{2, 64u * 1024u * 1024u};

// Offline PIN verifiers, checked on a tablet with no signal: 2 passes over
// 32 MiB, half the server's memory, so a low-end Android tablet (5 to 10
// times slower than a server core) checks a PIN in well under a second and
// never runs short of memory.
inline constexpr HashLimits kPinLimits{2, 32u * 1024u * 1024u};

// The smallest limits libsodium allows: tests only, so hundreds of sign-ins
// stay fast. Never used unless a test asks (CaseStore::use_hash_limits).
HashLimits smallest_hash_limits();

// At most this many hashes are made or checked at once in this process; the
// rest wait their turn. Bounds memory: kConcurrentHashes x memlimit.
inline constexpr std::ptrdiff_t kConcurrentHashes = 4;

// Calls sodium_init() once per process; throws CentralStoreError if
// libsodium cannot start (no random source).
void start_sodium();

// A fresh random salt each time. Throws CentralStoreError when out of memory.
std::string argon2id_hash(std::string_view secret, HashLimits limits);
// True when `secret` matches the hash; false for a wrong secret or a string
// that is not a hash.
bool argon2id_verify(const std::string& hash, std::string_view secret);

// The limits an Argon2id string was made with (its m= in KiB and t=), or
// nullopt when it is not one.
std::optional<HashLimits> argon2id_limits(const std::string& hash);

}  // namespace oneservice::central::store
