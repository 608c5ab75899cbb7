// libFuzzer harness: the wizard answers reader, answersFromJson() (core/decision/Answers.h), which
// parses an answers file and validates it against the decision tree.
//
// The tree is the shipped one, loaded once from a knowledge.db: $LDA_FUZZ_KB, else the default build
// tree's build/share/llm-deploy-advisor/knowledge.db next to this source. When neither opens (a fresh
// checkout with only the fuzz build), a small tree compiled in-process stands in, with a note on stderr,
// so that the seeds still replay. Besides crashes it checks that accepted answers only use questions and
// values of the tree, and that the normalised form (answersToJson) reads back as the same answers.
// Seeds in corpus/fuzz_answers/ use the shipped tree's question ids and values.
#include "decision/Answers.h"
#include "decision/DecisionTree.h"
#include "kb/KnowledgeBase.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QString>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace Qt::StringLiterals;
using namespace lda::core;
using namespace lda::core::decision;

namespace {

DecisionTree minimalTree()
{
    Question cloud;
    cloud.id = u"cloud"_s;
    cloud.kind = u"choice"_s;
    cloud.order = 1;
    cloud.choices = {{u"any"_s, u"Any"_s, {}}, {u"aws"_s, u"AWS"_s, {}}, {u"azure"_s, u"Azure"_s, {}},
                     {u"gcp"_s, u"GCP"_s, {}}};
    Question latency;
    latency.id = u"latency"_s;
    latency.kind = u"choice"_s;
    latency.order = 2;
    latency.choices = {{u"interactive"_s, u"Interactive"_s, {}}, {u"relaxed"_s, u"Relaxed"_s, {}}};
    Question tokens;
    tokens.id = u"monthly_tokens_millions"_s;
    tokens.kind = u"number"_s;
    tokens.order = 3;
    Question budget;
    budget.id = u"budget_usd_per_month"_s;
    budget.kind = u"number"_s;
    budget.order = 4;
    DecisionTree t;
    t.setQuestions({cloud, latency, tokens, budget});
    return t;
}

const DecisionTree &tree()
{
    static const DecisionTree t = [] {
        QString path = qEnvironmentVariable("LDA_FUZZ_KB");
        if (path.isEmpty())
            path = QFileInfo(QStringLiteral(__FILE__)).absolutePath()
                   + u"/../../build/share/llm-deploy-advisor/knowledge.db"_s;
        QString error;
        if (QFileInfo::exists(path)) {
            if (const std::unique_ptr<kb::KnowledgeBase> knowledge = kb::KnowledgeBase::open(path, &error)) {
                if (std::optional<DecisionTree> loaded = DecisionTree::load(*knowledge, &error))
                    return *loaded;
            }
        } else {
            error = u"not found"_s;
        }
        std::fprintf(stderr, "fuzz_answers: no decision tree from %s (%s); using a minimal in-process tree\n",
                     qPrintable(path), qPrintable(error));
        return minimalTree();
    }();
    return t;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv); // the SQL plugin loader wants an application
    (void)tree();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const DecisionTree &t = tree();
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const AnswersResult r = answersFromJson(t, input, u"fuzz.json"_s);
    if (!r.ok()) {
        if (r.error.isEmpty()) {
            std::fprintf(stderr, "answers rejected without an error\n");
            std::abort();
        }
        return 0;
    }
    const Answers &a = *r.answers;
    for (auto it = a.values().constBegin(); it != a.values().constEnd(); ++it) {
        const Question *q = t.question(it.key());
        if (!q) {
            std::fprintf(stderr, "accepted unknown question '%s'\n", qPrintable(it.key()));
            std::abort();
        }
        if (q->isNumber()) {
            if (!it->number || !std::isfinite(*it->number) || *it->number < 0) {
                std::fprintf(stderr, "accepted a bad number for '%s'\n", qPrintable(it.key()));
                std::abort();
            }
        } else if (!q->choice(it->choice)) {
            std::fprintf(stderr, "accepted unknown value '%s' for '%s'\n", qPrintable(it->choice), qPrintable(it.key()));
            std::abort();
        }
        (void)it->text();
        (void)q->label(it->choice);
    }
    const QByteArray normalised = QJsonDocument(answersToJson(t, a)).toJson(QJsonDocument::Compact);
    const AnswersResult again = answersFromJson(t, normalised);
    if (!again.ok() || !(*again.answers == a)) {
        std::fprintf(stderr, "answers changed in a round trip: %s (%s)\n", normalised.constData(),
                     qPrintable(again.error));
        std::abort();
    }
    return 0;
}
