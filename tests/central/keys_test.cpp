#include <gtest/gtest.h>

#include <filesystem>

#include "central/case_store.h"
#include "central/store/api_keys.h"
#include "support.h"

using namespace oneservice;
using namespace oneservice::central;
using test::RawDb;
using test::read_bytes;
using test::SetClock;
using test::TempFolder;

TEST(CaseStoreKeys, AKeyAuthenticatesItsDeviceUntilRevoked) {
  TempFolder folder;
  SetClock clock("2026-11-20T08:00:00Z");
  CaseStore store(folder.path(), clock.clock());
  Device created;
  const auto key = store.add_key("Ashcombe Library kiosk 1", "kiosk", &created);
  EXPECT_EQ(key.size(), 64u);
  EXPECT_EQ(key.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_GT(created.id, 0);
  EXPECT_EQ(created.name, "Ashcombe Library kiosk 1");
  EXPECT_EQ(created.channel, "kiosk");
  EXPECT_EQ(created.created_at, "2026-11-20T08:00:00Z");
  EXPECT_EQ(created.revoked_at, "");

  const auto other_key = store.add_key("Field tablet 3", "field");
  EXPECT_NE(other_key, key);

  const auto device = store.authenticate(key);
  ASSERT_TRUE(device);
  EXPECT_EQ(device->id, created.id);
  EXPECT_EQ(device->name, "Ashcombe Library kiosk 1");
  EXPECT_EQ(device->channel, "kiosk");
  EXPECT_EQ(store.authenticate(other_key)->name, "Field tablet 3");
  EXPECT_FALSE(store.authenticate(""));
  EXPECT_FALSE(store.authenticate(key.substr(1)));
  EXPECT_FALSE(store.authenticate(std::string(64, '0')));

  clock.set("2026-11-21T09:00:00Z");
  EXPECT_TRUE(store.revoke_key(created.id));
  EXPECT_FALSE(store.revoke_key(created.id));  // already revoked
  EXPECT_FALSE(store.revoke_key(9999));        // unknown
  EXPECT_FALSE(store.authenticate(key));
  EXPECT_TRUE(store.authenticate(other_key));

  const auto keys = store.list_keys();
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].id, created.id);
  EXPECT_EQ(keys[0].revoked_at, "2026-11-21T09:00:00Z");
  EXPECT_EQ(keys[1].name, "Field tablet 3");
  EXPECT_EQ(keys[1].revoked_at, "");
  for (const auto& listed : keys) {
    for (const auto* secret : {&key, &other_key}) {
      for (const auto* field : {&listed.name, &listed.channel, &listed.created_at, &listed.revoked_at})
        EXPECT_EQ(field->find(*secret), std::string::npos);
    }
  }
}

TEST(CaseStoreKeys, TheFileHoldsOnlyTheKeysHashes) {
  TempFolder folder;
  std::string key;
  std::string path;
  {
    CaseStore store(folder.path());
    key = store.add_key("Community hub laptop", "assisted");
    path = store.path();
    // While open the key may sit in the write-ahead log: check both files.
    const auto bytes = read_bytes(path) + read_bytes(path + "-wal");
    EXPECT_EQ(bytes.find(key), std::string::npos);
    EXPECT_NE(bytes.find(store::sha256_hex(key)), std::string::npos);
  }
  const auto bytes = read_bytes(path) + read_bytes(path + "-wal");
  EXPECT_EQ(bytes.find(key), std::string::npos);
  RawDb raw(path);
  EXPECT_EQ(raw.text("SELECT key_sha256 FROM devices"), store::sha256_hex(key));
}

TEST(CaseStoreKeys, Sha256MatchesAKnownDigest) {
  EXPECT_EQ(store::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(CaseStoreKeys, NamesAndChannelsAreChecked) {
  TempFolder folder;
  CaseStore store(folder.path());
  EXPECT_THROW(store.add_key("", "kiosk"), CentralStoreError);
  EXPECT_THROW(store.add_key("Kiosk", "phone"), CentralStoreError);
  EXPECT_NO_THROW(store.add_key("Website", "web"));
  EXPECT_EQ(store.list_keys().size(), 1u);
}
