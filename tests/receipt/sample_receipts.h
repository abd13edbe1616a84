#pragma once
// Receipts worded as the app's translator would word them, in English and
// Welsh, for the tests (the library itself holds no words).
#include <string>
#include <vector>

#include "receipt/receipt_text.h"

namespace oneservice::receipt::test {

ReceiptText english_receipt();
ReceiptText welsh_receipt();

// Every line a receipt was given, in order.
std::vector<std::string> given_lines(const ReceiptText& text);

// s without any whitespace: wrapped lines compare with what was given.
std::string squeezed(const std::string& s);

}  // namespace oneservice::receipt::test
