#include "central/store/api_keys.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>

namespace oneservice::central::store {
namespace {

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 0x0F];
  }
  return out;
}

constexpr std::string_view kDeviceColumns = "id, name, channel, created_at, revoked_at";

Device device_from_row(const sqlite::Statement& row) {
  Device device;
  device.id = row.integer(0);
  device.name = row.text(1);
  device.channel = row.text(2);
  device.created_at = row.text(3);
  device.revoked_at = row.text(4);
  return device;
}

}  // namespace

std::string new_plain_key() {
  std::array<unsigned char, 32> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
    throw CentralStoreError("The system's random source gave no bytes for a new key.");
  return to_hex(bytes.data(), bytes.size());
}

std::string sha256_hex(std::string_view text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(text.data(), text.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1)
    throw CentralStoreError("SHA-256 is not available from OpenSSL.");
  return to_hex(digest.data(), size);
}

bool is_known_channel(const std::string& channel) { return parse_channel(channel).has_value(); }

Device insert_device(sqlite3* db, const std::string& name, const std::string& channel,
                     const std::string& key_sha256, const std::string& now) {
  sqlite::Statement insert(db, "INSERT INTO devices (name, channel, key_sha256, created_at) VALUES (?1, ?2, ?3, ?4)");
  insert.bind(1, name).bind(2, channel).bind(3, key_sha256).bind(4, now).run();
  Device device;
  device.id = sqlite::last_insert_id(db);
  device.name = name;
  device.channel = channel;
  device.created_at = now;
  return device;
}

bool revoke_device(sqlite3* db, std::int64_t device_id, const std::string& now) {
  sqlite::Statement revoke(db, "UPDATE devices SET revoked_at = ?1 WHERE id = ?2 AND revoked_at = ''");
  revoke.bind(1, now).bind(2, device_id).run();
  return sqlite::changes(db) == 1;
}

std::vector<Device> list_devices(sqlite3* db) {
  sqlite::Statement select(db, "SELECT " + std::string(kDeviceColumns) + " FROM devices ORDER BY id");
  std::vector<Device> out;
  while (select.step()) out.push_back(device_from_row(select));
  return out;
}

std::optional<Device> find_working_device(sqlite3* db, const std::string& key_sha256) {
  sqlite::Statement select(
      db, "SELECT " + std::string(kDeviceColumns) + " FROM devices WHERE key_sha256 = ?1 AND revoked_at = ''");
  select.bind(1, key_sha256);
  if (!select.step()) return std::nullopt;
  return device_from_row(select);
}

}  // namespace oneservice::central::store
