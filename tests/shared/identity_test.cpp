// make_uuid_v4, is_uuid and local_reference.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "shared/identity.h"

using namespace oneservice;

namespace {

const std::regex kUuidV4("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
const std::regex kReference("^OS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$");

}  // namespace

TEST(Identity, UuidV4Shape) {
  for (int i = 0; i < 200; ++i) {
    const auto id = make_uuid_v4();
    EXPECT_TRUE(std::regex_match(id, kUuidV4)) << id;
    EXPECT_TRUE(is_uuid(id)) << id;
  }
}

TEST(Identity, ThousandUuidsAreDistinct) {
  std::set<std::string> ids;
  for (int i = 0; i < 1000; ++i) ids.insert(make_uuid_v4());
  EXPECT_EQ(ids.size(), 1000u);
}

TEST(Identity, UuidVariantNibbleTakesAllFourValues) {
  // Bits are random apart from the fixed version and variant: over many ids
  // the variant character must show 8, 9, a and b, and nothing else.
  std::set<char> variants;
  for (int i = 0; i < 400; ++i) variants.insert(make_uuid_v4()[19]);
  EXPECT_EQ(variants, (std::set<char>{'8', '9', 'a', 'b'}));
}

TEST(Identity, IsUuid) {
  EXPECT_TRUE(is_uuid("3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f"));
  EXPECT_TRUE(is_uuid("3F2B8C1E-9D4A-4F6B-8E2D-1A2B3C4D5E6F"));
  EXPECT_TRUE(is_uuid("00000000-0000-0000-0000-000000000000"));
  EXPECT_FALSE(is_uuid(""));
  EXPECT_FALSE(is_uuid("not-a-uuid"));
  EXPECT_FALSE(is_uuid("3f2b8c1e9d4a4f6b8e2d1a2b3c4d5e6f"));
  EXPECT_FALSE(is_uuid("3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6"));
  EXPECT_FALSE(is_uuid("3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f0"));
  EXPECT_FALSE(is_uuid("3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6g"));
  EXPECT_FALSE(is_uuid("3f2b8c1e_9d4a-4f6b-8e2d-1a2b3c4d5e6f"));
  EXPECT_FALSE(is_uuid("{3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e}"));
  EXPECT_FALSE(is_uuid(" 3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6"));
}

TEST(Identity, LocalReferenceIsStable) {
  const std::string id = "3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f";
  const auto reference = local_reference(id);
  EXPECT_EQ(local_reference(id), reference);
  EXPECT_EQ(local_reference(std::string(id)), reference);
  EXPECT_TRUE(std::regex_match(reference, kReference)) << reference;
}

TEST(Identity, LocalReferenceShapeAndAlphabet) {
  std::set<char> used;
  for (int i = 0; i < 500; ++i) {
    const auto reference = local_reference(make_uuid_v4());
    ASSERT_EQ(reference.size(), 12u);
    EXPECT_TRUE(std::regex_match(reference, kReference)) << reference;
    for (const char c : reference.substr(3))
      if (c != '-') used.insert(c);
  }
  for (const char banned : {'I', 'L', 'O', 'U'}) EXPECT_EQ(used.count(banned), 0u) << banned;
  // 4,000 characters drawn: all 32 symbols of the alphabet turn up.
  EXPECT_EQ(used.size(), 32u);
}

TEST(Identity, LocalReferenceDiffersForDifferentIds) {
  EXPECT_NE(local_reference("3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f"),
            local_reference("3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6e"));
  std::set<std::string> references;
  for (int i = 0; i < 1000; ++i) references.insert(local_reference(make_uuid_v4()));
  EXPECT_EQ(references.size(), 1000u);
}
