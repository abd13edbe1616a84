#include "sync/catalogue_cache.h"

#include <fstream>
#include <optional>
#include <sstream>

#include "shared/catalogue_json.h"
#include "shared/clock.h"
#include "shared/format_error.h"

namespace oneservice::sync {

void Outbox::cache_catalogue(const std::string& changeset, const std::string& json_text) {
  try {
    // The new version and the pointer to it change together: a reader sees
    // the old catalogue or the new one, never a mix.
    sqlite::WriteTransaction transaction(db_.get());
    sqlite::Statement upsert(db_.get(),
                             "INSERT INTO catalogue_versions (changeset, body, cached_at) VALUES (?1, ?2, ?3) "
                             "ON CONFLICT (changeset) DO UPDATE SET body = excluded.body, cached_at = excluded.cached_at");
    upsert.bind(1, changeset).bind(2, json_text).bind(3, now()).run();
    sqlite::Statement current(db_.get(),
                              "INSERT INTO sync_state (key, value) VALUES ('catalogue_current', ?1) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    current.bind(1, changeset).run();
    // Keep a version while any request not yet accepted was made against
    // it: the council may still ask about it, and support needs to read it.
    sqlite::Statement prune(db_.get(),
                            "DELETE FROM catalogue_versions WHERE changeset <> ?1 AND changeset NOT IN "
                            "(SELECT catalogue_version FROM requests WHERE state <> 'accepted')");
    prune.bind(1, changeset).run();
    transaction.commit();
  } catch (const sqlite::Failure& failure) {
    fail(failure, "while saving the catalogue");
  }
}

std::optional<std::string> Outbox::cached_catalogue_json() const {
  try {
    sqlite::Statement select(db_.get(),
                             "SELECT v.body FROM sync_state s JOIN catalogue_versions v ON v.changeset = s.value "
                             "WHERE s.key = 'catalogue_current'");
    if (!select.step()) return std::nullopt;
    return select.text(0);
  } catch (const sqlite::Failure& failure) {
    fail(failure, "while reading the cached catalogue");
  }
}

std::optional<std::string> Outbox::catalogue_json(const std::string& changeset) const {
  try {
    sqlite::Statement select(db_.get(), "SELECT body FROM catalogue_versions WHERE changeset = ?1");
    select.bind(1, changeset);
    if (!select.step()) return std::nullopt;
    return select.text(0);
  } catch (const sqlite::Failure& failure) {
    fail(failure, "while reading a cached catalogue");
  }
}

namespace {

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Changesets are ISO 8601 times; compare them as times so "+01:00" and "Z"
// forms order correctly, and fall back to text order for anything else.
bool is_newer(const std::string& candidate, const std::string& current) {
  const auto a = parse_iso8601(candidate);
  const auto b = parse_iso8601(current);
  if (a && b) return *a > *b;
  return candidate > current;
}

}  // namespace

Catalogue load_catalogue(Outbox& outbox, const std::string& bundled_catalogue_path) {
  std::optional<Catalogue> cached;
  if (const auto json = outbox.cached_catalogue_json()) {
    try {
      cached = parse_catalogue(*json);
    } catch (const FormatError& error) {
      throw FormatError("The catalogue cached in the request store " + outbox.path() +
                        " cannot be read; contact support, who can clear the cache so the bundled catalogue "
                        "is used. " + error.what());
    }
  }

  // The bundled file only matters when there is no cache or it is newer (an
  // app update shipped a newer catalogue); a kiosk with a good cache keeps
  // working even if the bundled file is missing or broken.
  const auto text = read_file(bundled_catalogue_path);
  if (!text) {
    if (cached) return *cached;
    throw FormatError("Cannot open the catalogue file " + bundled_catalogue_path +
                      ". Check that it exists and can be read, or give the right folder with --assets.");
  }
  Catalogue bundled;
  try {
    bundled = parse_catalogue(*text);
  } catch (const FormatError& error) {
    if (cached) return *cached;
    throw FormatError(bundled_catalogue_path + ": " + error.what());
  }
  if (cached && !is_newer(bundled.changeset, cached->changeset)) return *cached;
  // Cache only what parsed, so the cache never holds a document we refused.
  outbox.cache_catalogue(bundled.changeset, *text);
  return bundled;
}

}  // namespace oneservice::sync
