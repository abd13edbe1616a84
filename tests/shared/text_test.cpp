// trim, UTF-8 checks and counting, control characters, number formatting.
#include <gtest/gtest.h>

#include <limits>

#include "shared/text.h"

using namespace oneservice;

TEST(Text, Trim) {
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim(" \t\r\n\f\v"), "");
  EXPECT_EQ(trim("abc"), "abc");
  EXPECT_EQ(trim("  abc  "), "abc");
  EXPECT_EQ(trim("\tmiddle  space\n"), "middle  space");
  EXPECT_EQ(trim("x"), "x");
  EXPECT_EQ(trim(" ŵ "), "ŵ");
  // Only ASCII white space: a no-break space (U+00A0) is kept.
  EXPECT_EQ(trim("\xC2\xA0x\xC2\xA0"), "\xC2\xA0x\xC2\xA0");
  const std::string text = "  view  ";
  EXPECT_EQ(trim(std::string_view(text).substr(0, 4)), "vi");
}

TEST(Text, ValidUtf8) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ASCII"));
  EXPECT_TRUE(is_valid_utf8("ŵ"));                    // 2 bytes
  EXPECT_TRUE(is_valid_utf8("€"));                    // 3 bytes
  EXPECT_TRUE(is_valid_utf8("😀"));                   // 4 bytes
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));     // U+10FFFF, the last code point
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));         // U+D7FF, just below the surrogates
  EXPECT_TRUE(is_valid_utf8("\xEE\x80\x80"));         // U+E000, just above them
  EXPECT_TRUE(is_valid_utf8(std::string("a\0b", 3)));  // NUL is UTF-8; control checks catch it
  EXPECT_TRUE(is_valid_utf8("Llanfair ŵ ŷ — café 😀"));
}

TEST(Text, InvalidUtf8) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong "/"
  EXPECT_FALSE(is_valid_utf8("\xC1\xBF"));          // overlong
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong 3-byte
  EXPECT_FALSE(is_valid_utf8("\xF0\x82\x82\xAC"));  // overlong 4-byte "€"
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // U+D800 surrogate
  EXPECT_FALSE(is_valid_utf8("\xED\xBF\xBF"));      // U+DFFF surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // beyond U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xF8\x88\x80\x80\x80"));  // 5-byte form
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\x80"));               // lone continuation
  EXPECT_FALSE(is_valid_utf8("a\xBF" "b"));
  EXPECT_FALSE(is_valid_utf8("\xC5"));               // truncated 2-byte
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));           // truncated 3-byte
  EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x98"));       // truncated 4-byte
  EXPECT_FALSE(is_valid_utf8("ok \xF0\x9F\x98"));
  EXPECT_FALSE(is_valid_utf8("\xC5 x"));             // continuation missing
  EXPECT_FALSE(is_valid_utf8("\xE2\x28\xA1"));
  // A view that cuts a character in half is not valid either.
  const std::string smile = "😀";
  EXPECT_FALSE(is_valid_utf8(std::string_view(smile).substr(0, 3)));
}

TEST(Text, Utf8LengthCountsCharacters) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("ŵ"), 1u);
  EXPECT_EQ(utf8_length("€"), 1u);
  EXPECT_EQ(utf8_length("😀"), 1u);
  EXPECT_EQ(utf8_length("Dŵr"), 3u);
  EXPECT_EQ(utf8_length("a😀€ŵ"), 4u);
  std::string many;
  for (int i = 0; i < 4000; ++i) many += "ŵ";
  EXPECT_EQ(many.size(), 8000u);
  EXPECT_EQ(utf8_length(many), 4000u);
}

TEST(Text, ControlCharacters) {
  EXPECT_FALSE(has_control_characters(""));
  EXPECT_FALSE(has_control_characters("Tab\tand\nnew line\r\n"));
  EXPECT_FALSE(has_control_characters("ŵ 😀 €"));
  EXPECT_TRUE(has_control_characters(std::string("nul\0", 4)));
  EXPECT_TRUE(has_control_characters("bell\a"));
  EXPECT_TRUE(has_control_characters("\x1B[31m"));
  EXPECT_TRUE(has_control_characters("\x1F"));
  EXPECT_TRUE(has_control_characters("del\x7F"));
}

TEST(Text, WithThousands) {
  EXPECT_EQ(with_thousands(0), "0");
  EXPECT_EQ(with_thousands(7), "7");
  EXPECT_EQ(with_thousands(999), "999");
  EXPECT_EQ(with_thousands(1000), "1,000");
  EXPECT_EQ(with_thousands(4000), "4,000");
  EXPECT_EQ(with_thousands(10000), "10,000");
  EXPECT_EQ(with_thousands(100000), "100,000");
  EXPECT_EQ(with_thousands(999999), "999,999");
  EXPECT_EQ(with_thousands(1234567), "1,234,567");
  EXPECT_EQ(with_thousands(-1), "-1");
  EXPECT_EQ(with_thousands(-999), "-999");
  EXPECT_EQ(with_thousands(-1000), "-1,000");
  EXPECT_EQ(with_thousands(-1234567), "-1,234,567");
  EXPECT_EQ(with_thousands(std::numeric_limits<long long>::max()), "9,223,372,036,854,775,807");
  EXPECT_EQ(with_thousands(std::numeric_limits<long long>::min()), "-9,223,372,036,854,775,808");
}

TEST(Text, FormatNumber) {
  EXPECT_EQ(format_number(0), "0");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(5), "5");
  EXPECT_EQ(format_number(2.5), "2.5");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(-2.25), "-2.25");
  EXPECT_EQ(format_number(1000), "1,000");
  EXPECT_EQ(format_number(-4000), "-4,000");
  EXPECT_EQ(format_number(1.0 / 3.0), "0.3333333333");
}
