// libFuzzer harness: the .kb source parser and the knowledge-base compiler's validate().
//
// The input is one .kb file, optionally followed by guide pages, each introduced by a line
// "--- guide <relative path> ---", so that the compiler's guide-link checks (page and section anchors)
// are reachable too. Nothing is written to disk: validate() checks without compiling.
#include "kb/KbCompiler.h"
#include "kb/KbSource.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));

    // The parser on its own, over the whole input: it must never throw or crash, whatever the bytes.
    const lda::core::kb::SourceParseResult parsed = lda::core::kb::parseKbSource(u"fuzz.kb"_s, input);
    for (const lda::core::kb::SourceRecord &r : parsed.records) {
        (void)lda::core::kb::isValidRecordId(r.id);
        (void)r.value(u"guide");
        (void)r.all(u"strength");
    }
    for (const lda::core::kb::Diagnostic &d : parsed.errors)
        (void)d.toString();

    // Then the compiler's validation with the input split into a .kb source and guide pages.
    static const QByteArray marker = QByteArrayLiteral("\n--- guide ");
    lda::core::kb::KbCompiler compiler;
    qsizetype at = input.indexOf(marker);
    compiler.addKbSource(u"data/kb/fuzz.kb"_s, at < 0 ? input : input.left(at));
    while (at >= 0) {
        const qsizetype nameStart = at + marker.size();
        const qsizetype lineEnd = input.indexOf('\n', nameStart);
        QByteArray name = input.mid(nameStart, (lineEnd < 0 ? input.size() : lineEnd) - nameStart);
        if (name.endsWith(" ---"))
            name.chop(4);
        const qsizetype next = lineEnd < 0 ? -1 : input.indexOf(marker, lineEnd);
        const QByteArray page =
            lineEnd < 0 ? QByteArray() : input.mid(lineEnd + 1, (next < 0 ? input.size() : next) - lineEnd - 1);
        compiler.addGuidePage(QString::fromUtf8(name.trimmed()), page);
        at = next;
    }
    const lda::core::kb::CompileResult result = compiler.validate();
    for (const lda::core::kb::Diagnostic &d : result.errors)
        (void)d.toString();
    return 0;
}
