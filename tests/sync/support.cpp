#include "support.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace oneservice::sync::test {


ServiceRequest sample_request(const std::string& client_id) {
  ServiceRequest request;
  request.client_id = client_id;
  request.service_code = "pothole";
  request.catalogue_version = "2026-11-01T09:00:00Z";
  request.answers = {{"road_or_pavement", std::string("road")},
                     {"pothole_size", std::string("about_plate")},
                     {"depth_cm", std::string("7.5")},
                     {"time_of_day", std::vector<std::string>{"morning", "evening"}}};
  request.location.lat = 51.0625;
  request.location.lon = -0.3217;
  request.location.address_string = "Outside 12 Mill Lane, Wealdbridge";
  request.description = "Deep hole by the bus stop";
  request.contact = {"Jo", "Bloggs", "jo.bloggs@example.com", "07700 900982"};
  request.channel = Channel::Assisted;
  request.created_at = "2026-11-22T14:03:00Z";
  return request;
}

std::string client_id_for(int n) {
  char id[37];
  std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", n);
  return id;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

RawDb::RawDb(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
    throw std::runtime_error("cannot open " + path);
}

RawDb::~RawDb() { sqlite3_close_v2(db_); }

int RawDb::exec(const std::string& sql) {
  char* message = nullptr;
  const int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
  last_error_ = message ? message : "";
  sqlite3_free(message);
  return code;
}

std::string RawDb::text(const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0) != nullptr)
    out = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  else
    ADD_FAILURE() << "query gave no row: " << sql << ": " << sqlite3_errmsg(db_);
  sqlite3_finalize(statement);
  return out;
}

long long RawDb::integer(const std::string& sql) { return std::stoll(text(sql)); }

}  // namespace oneservice::sync::test
