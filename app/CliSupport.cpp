#include "CliSupport.h"

#include "kb/DataLocations.h"
#include "kb/KnowledgeBase.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

namespace lda::app {

ParsedOptions parseOptions(const QStringList &args, const QHash<QString, OptionSpec> &spec)
{
    ParsedOptions parsed;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString name = args[i];
        QString value;
        const qsizetype eq = name.indexOf(u'=');
        const bool inlineValue = name.startsWith(u"--"_s) && eq > 0;
        if (inlineValue) {
            value = name.mid(eq + 1);
            name.truncate(eq);
        }
        const auto it = spec.constFind(name);
        if (it == spec.cend()) {
            parsed.error = name.startsWith(u'-') ? u"unknown option '"_s % name % u"'"_s
                                                 : u"unexpected argument '"_s % name % u"'"_s;
            return parsed;
        }
        if (it->takesValue) {
            if (!inlineValue) {
                if (i + 1 >= args.size()) {
                    parsed.error = u"option "_s % name % u" needs a value"_s;
                    return parsed;
                }
                value = args[++i];
            }
            if (value.isEmpty()) {
                parsed.error = u"option "_s % name % u" needs a non-empty value"_s;
                return parsed;
            }
            if (!it->allowed.isEmpty() && !it->allowed.contains(value)) {
                parsed.error = u"invalid value '"_s % value % u"' for "_s % name % u" (use "_s % it->allowed.join(u'|')
                    % u')';
                return parsed;
            }
        }
        if (parsed.values.contains(name)) {
            parsed.error = u"option "_s % name % u" given twice"_s;
            return parsed;
        }
        parsed.values.insert(name, value);
    }
    return parsed;
}

int fail(QTextStream &err, int code, const QString &message)
{
    err << "error: " << message << Qt::endl;
    return code;
}

std::unique_ptr<core::kb::KnowledgeBase> openKnowledgeBase(const CommandLine &cl, QTextStream &err, int *exitCode)
{
    const QString path = cl.kbPath.isEmpty() ? core::kb::defaultKnowledgeBasePath() : cl.kbPath;
    QString error;
    auto kb = core::kb::KnowledgeBase::open(path, &error);
    if (!kb)
        *exitCode = fail(err, cl.kbPath.isEmpty() ? Failure : BadInput, error);
    return kb;
}

} // namespace lda::app
