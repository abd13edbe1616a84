#pragma once
// How a requests row becomes an OutboxEntry; shared by the files that
// implement Outbox (outbox.cpp, outbox_delivery.cpp). Internal to sync/.
#include <string>
#include <string_view>

#include "db/sqlite.h"
#include "sync/outbox.h"

namespace oneservice::sync::detail {

inline constexpr std::string_view kEntryColumns =
    "client_id, local_ref, state, body, attempts, last_error, server_ref, created_at, updated_at, "
    "next_attempt_at, token";

// Throws StoreError (damaged) when the stored body cannot be read.
OutboxEntry entry_from_row(const sqlite::Statement& row, const std::string& path);

}  // namespace oneservice::sync::detail
