#include "central/store/password_hash.h"

#include <sodium.h>

#include <cstdio>
#include <mutex>
#include <semaphore>

#include "central/records.h"

namespace oneservice::central::store {
namespace {

std::counting_semaphore<kConcurrentHashes>& hash_slots() {
  static std::counting_semaphore<kConcurrentHashes> slots(kConcurrentHashes);
  return slots;
}

// Holds one of the hash slots while a hash is made or checked.
class HashSlot {
 public:
  HashSlot() { hash_slots().acquire(); }
  ~HashSlot() { hash_slots().release(); }
  HashSlot(const HashSlot&) = delete;
  HashSlot& operator=(const HashSlot&) = delete;
};

}  // namespace

HashLimits smallest_hash_limits() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

void start_sodium() {
  static std::once_flag once;
  static bool started = false;
  std::call_once(once, [] { started = sodium_init() >= 0; });
  if (!started) throw CentralStoreError("libsodium could not start: the system gives it no random source.");
}

std::string argon2id_hash(std::string_view secret, HashLimits limits) {
  start_sodium();
  char out[crypto_pwhash_STRBYTES];
  HashSlot slot;
  if (crypto_pwhash_str_alg(out, secret.data(), secret.size(), limits.opslimit, limits.memlimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw CentralStoreError("The server ran out of memory while hashing a secret: try again later.");
  return out;
}

bool argon2id_verify(const std::string& hash, std::string_view secret) {
  start_sodium();
  if (hash.size() >= crypto_pwhash_STRBYTES) return false;
  HashSlot slot;
  return crypto_pwhash_str_verify(hash.c_str(), secret.data(), secret.size()) == 0;
}

std::optional<HashLimits> argon2id_limits(const std::string& hash) {
  // "$argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>"
  unsigned long long kib = 0, passes = 0;
  unsigned lanes = 0;
  int used = 0;
  if (std::sscanf(hash.c_str(), "$argon2id$v=19$m=%llu,t=%llu,p=%u$%n", &kib, &passes, &lanes, &used) != 3 ||
      used == 0)
    return std::nullopt;
  return HashLimits{passes, static_cast<std::size_t>(kib * 1024u)};
}

}  // namespace oneservice::central::store
