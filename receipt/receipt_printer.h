#pragma once
// Sending a receipt to the hub's printer through CUPS. Every way it can go
// wrong comes back as a kind for the app to word (English and Welsh), never
// an exception or a crash; a receipt is never left waiting in a stopped
// queue, where it would print later for whoever stands at the printer then.
#include <string>
#include <variant>

#include "receipt/paper.h"
#include "receipt/receipt_text.h"

namespace oneservice::receipt {

// From the device's settings.
struct PrinterSetting {
  std::string printer;  // the CUPS queue's name, as `lpstat -p` lists it
  // Where CUPS is: empty for the machine's own (CUPS_SERVER, client.conf,
  // else /run/cups/cups.sock); a socket path or host[:port] otherwise.
  std::string server;
  Paper paper = Paper::A4;
};

enum class PrintProblemKind {
  NoPrinterSet,    // the settings name no printer
  CupsNotRunning,  // nothing answers where CUPS should be
  NoSuchPrinter,   // CUPS has no printer of that name
  PrinterStopped,  // the queue is paused (cupsdisable); nothing was sent
  JobRefused,      // the queue takes no jobs (cupsreject), or CUPS refused this one
  NotPrintable,    // the receipt could not be drawn (receipt_pdf.h's problems)
};

// reason is English, for logs: CUPS's own message, and never the
// receipt's text.
struct PrintProblem {
  PrintProblemKind kind = PrintProblemKind::NoPrinterSet;
  std::string reason;
};

struct PrintJob {
  int id = 0;  // CUPS's job id, as `lpstat -o` shows it (printer-id)
};

// The PDF sent as one job. Waits for CUPS to take it (up to 5 s to
// connect and 15 s for each answer from a stalled server): call it off the
// frame loop's thread.
std::variant<PrintJob, PrintProblem> print_pdf(const std::string& pdf, const PrinterSetting& where);

// render_receipt_pdf on the setting's paper, then print_pdf.
std::variant<PrintJob, PrintProblem> print_receipt(const ReceiptText& text, const PrinterSetting& where);

}  // namespace oneservice::receipt
