// lda-kbc: the knowledge-base compiler. Reads data/kb/*.kb and data/guide/**, validates them and writes
// knowledge.db. Errors are printed as "file:line: message" (one per line) and make the build fail.
#include "kb/KbCompiler.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        err << "usage: lda-kbc KB_SOURCE_DIR GUIDE_DIR OUTPUT.db VERSION\n";
        return 2;
    }
    lda::core::kb::KbCompiler compiler;
    const QList<lda::core::kb::Diagnostic> readErrors = compiler.addSourceTree(args[1], args[2]);
    for (const auto &d : readErrors)
        err << d.toString() << '\n';
    if (!readErrors.isEmpty())
        return 1;
    const lda::core::kb::CompileResult result = compiler.compile(args[3], args[4]);
    for (const auto &d : result.errors)
        err << d.toString() << '\n';
    if (!result.ok()) {
        err << "lda-kbc: " << result.errors.size() << " error(s); knowledge base not written\n";
        return 1;
    }
    QTextStream out(stdout);
    out << "lda-kbc: wrote " << args[3];
    for (auto it = result.counts.cbegin(); it != result.counts.cend(); ++it)
        out << ' ' << it.key() << '=' << it.value();
    out << '\n';
    return 0;
}
