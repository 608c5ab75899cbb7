#include "InputFile.h"

#include "decision/DecisionTree.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lda::core::scenario {

QString registeredScenarioSuffix()
{
    return u".ldascenario.json"_s;
}

InputFileResult readInputFile(const QString &path, const decision::DecisionTree &tree)
{
    InputFileResult result;
    const QFileInfo info(path);
    if (!info.exists()) {
        result.error = path % u": no such file"_s;
        return result;
    }
    if (info.isDir()) {
        result.error = path % u": is a folder, not a scenario or answers file"_s;
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = path % u": cannot be read ("_s % file.errorString() % u')';
        return result;
    }
    const QByteArray bytes = file.read(MaxInputFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        result.error = path % u": cannot be read ("_s % file.errorString() % u')';
        return result;
    }
    if (bytes.size() > MaxInputFileBytes) {
        result.error = path % u": larger than "_s % QString::number(MaxInputFileBytes / (1024 * 1024))
            % u" MB; a scenario or answers file is a small JSON object"_s;
        return result;
    }
    return parseInputFile(bytes, path, tree);
}

InputFileResult parseInputFile(const QByteArray &bytes, const QString &path, const decision::DecisionTree &tree)
{
    InputFileResult result;
    const bool registered = path.endsWith(registeredScenarioSuffix(), Qt::CaseInsensitive);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (registered || parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        // Not an object we can classify: the workload reader names the line of a syntax error.
        if (!registered && parseError.error == QJsonParseError::NoError) {
            result.error = path % u": expected a JSON object (a workload or wizard answers), found "_s
                % (doc.isArray() ? u"an array"_s : u"no object"_s);
            return result;
        }
        const WorkloadResult w = workloadFromJson(bytes, path);
        if (!w.ok()) {
            result.error = w.errors.isEmpty() ? path % u": not a workload"_s : w.errors.first().toString();
            return result;
        }
        result.file = InputFile{InputFile::Kind::Workload, w.workload, std::nullopt};
        return result;
    }

    const QJsonObject object = doc.object();
    bool workloadKey = false;
    bool questionKey = false;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const bool isQuestion = tree.question(it.key()) != nullptr;
        questionKey = questionKey || isQuestion;
        // budget_usd_per_month is both a workload key and a question: it decides nothing on its own.
        workloadKey = workloadKey || (!isQuestion && workloadKeys().contains(it.key()));
    }
    if (workloadKey) {
        const WorkloadResult w = workloadFromJsonObject(object, path);
        if (!w.ok()) {
            result.error = w.errors.isEmpty() ? path % u": not a workload"_s : w.errors.first().toString();
            return result;
        }
        result.file = InputFile{InputFile::Kind::Workload, w.workload, std::nullopt};
        return result;
    }
    if (questionKey || object.isEmpty()) {
        const decision::AnswersResult a = decision::answersFromJsonObject(tree, object, path);
        if (!a.ok()) {
            result.error = a.error;
            return result;
        }
        result.file = InputFile{InputFile::Kind::Answers, std::nullopt, a.answers};
        return result;
    }
    QStringList questions;
    for (const decision::Question &q : tree.questions())
        questions.append(q.id);
    result.error = path % u": neither a workload (no requests_per_day, input_tokens_per_request or "_s
        u"output_tokens_per_request) nor wizard answers (no question id such as "_s
        % questions.mid(0, 3).join(u", "_s) % u"); unknown key '"_s % object.constBegin().key() % u"'"_s;
    return result;
}

} // namespace lda::core::scenario
