#pragma once
// Device API keys: made from the OS's random source, stored only as their
// SHA-256, so a copy of the database gives nobody a working key.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "central/records.h"
#include "db/sqlite.h"

namespace oneservice::central::store {

// 32 random bytes as 64 lower-case hex digits.
std::string new_plain_key();
// Lower-case hex SHA-256 of the text (OpenSSL EVP).
std::string sha256_hex(std::string_view text);

bool is_known_channel(const std::string& channel);  // kiosk | field | assisted | web

// Run inside the writer's transaction.
Device insert_device(sqlite3* db, const std::string& name, const std::string& channel,
                     const std::string& key_sha256, const std::string& now);
bool revoke_device(sqlite3* db, std::int64_t device_id, const std::string& now);

// Readers.
std::vector<Device> list_devices(sqlite3* db);
std::optional<Device> find_working_device(sqlite3* db, const std::string& key_sha256);

}  // namespace oneservice::central::store
