#pragma once
// Helpers shared by the sync tests: a temporary folder per test, sample
// requests, and raw SQLite access for checking what is really on disk.
#include <string>
#include <vector>

#include "shared/request.h"
#include "sync/delivery_queue.h"
#include "sync/outbox.h"
#include "support/sample_request.h"
#include "support/raw_db.h"
#include "support/temp_folder.h"

namespace oneservice::sync::test {

// A fresh folder per test (tests/support/temp_folder.h).
using TempFolder = oneservice::test_support::TempFolder;

// The sample request and client ids (tests/support/sample_request.h).
using oneservice::test_support::client_id_for;
using oneservice::test_support::sample_request;

// A draft row for client_id (the sample request), written as the
// field-officer mode will write drafts: no API makes one yet.
void insert_draft(const std::string& store_path, const std::string& client_id);

// The push loop's moves, through its own DeliveryQueue: claims every
// queued request due now (returns their ids, oldest due first), or applies
// one settlement to a request that is sending.
std::vector<std::string> claim_due(Outbox& outbox);
void settle(Outbox& outbox, const Settlement& settlement);

std::string read_bytes(const std::string& path);
void write_bytes(const std::string& path, const std::string& bytes);

using oneservice::test_support::RawDb;

}  // namespace oneservice::sync::test
