#include "kb/KbCompiler.h"
#include "kb/KnowledgeBase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lda::core::kb;

namespace {

const QStringList kOptions = {u"aws-bedrock"_s,   u"aws-sagemaker"_s, u"aws-ec2-vllm"_s,
                              u"azure-openai"_s,  u"azure-container-instances"_s, u"azure-aks"_s,
                              u"gcp-vertex-ai"_s, u"gcp-cloud-run"_s, u"gcp-gke"_s};

QByteArray optionsSource(const QString &skip = {})
{
    QString s;
    int order = 0;
    for (const QString &id : kOptions) {
        if (id == skip)
            continue;
        s += u"[option "_s % id % u"]\nprovider = "_s % id.section(u'-', 0, 0) % u"\nname = "_s % id
            % u"\ncategory = managed-api\nsummary = s\nsetup_time = minutes\nops_burden = low\n"
              "scaling_model = auto\ngpu_support = none\nscale_to_zero = yes\npricing_model = per token\n"
              "guide = README.md\norder = "_s
            % QString::number(++order) % u"\nstrength = fast\n\n"_s;
    }
    return s.toUtf8();
}

QByteArray criteriaSource()
{
    QString s = u"[criterion setup]\nname = Setup\ncategory = effort\ndescription = d\norder = 1\n"_s;
    for (const QString &id : kOptions)
        s += u"value."_s % id % u" = quick\n"_s;
    return s.toUtf8();
}

const QByteArray kModels = "[model llama-3-1-8b]\nname = Llama 3.1 8B\nvendor = Meta\nfamily = meta\n"
                           "open_weights = yes\nparams_b = 8\nsize_class = 7-8B\ncontext_window = 128000\n"
                           "lifecycle = ga\navailable = aws-bedrock meta.llama3-1-8b-instruct-v1:0\n";
const QByteArray kPrices = "[price aws-bedrock/llama-3-1-8b]\ninput = 0.22\noutput = 0.22\nas_of = 2026-07-24\n"
                           "source = https://aws.amazon.com/bedrock/pricing/\nconfidence = V\n";
const QByteArray kGpus = "[gpu g5.xlarge]\nprovider = aws\noptions = aws-ec2-vllm\nregion = us-east-1\n"
                         "gpu_model = A10G\ngpu_count = 1\ngpu_memory_gb = 24\non_demand = 1.006\n"
                         "as_of = 2026-06-17\nsource = price table\nconfidence = C\n";
const QByteArray kUseCases = "[usecase chat]\nname = Chat\nsummary = s\noption = aws-bedrock\nmodel = llama-3-1-8b\n"
                             "requests_per_day = 1000\ninput_tokens_per_request = 500\n"
                             "output_tokens_per_request = 200\nguide = README.md#top\noverhead.storage = 12.5\n";

KbCompiler validCompiler()
{
    KbCompiler c;
    c.addKbSource(u"data/kb/options.kb"_s, optionsSource());
    c.addKbSource(u"data/kb/criteria.kb"_s, criteriaSource());
    c.addKbSource(u"data/kb/models.kb"_s, kModels);
    c.addKbSource(u"data/kb/prices.kb"_s, kPrices);
    c.addKbSource(u"data/kb/gpus.kb"_s, kGpus);
    c.addKbSource(u"data/kb/use-cases.kb"_s, kUseCases);
    c.addGuidePage(u"README.md"_s, "# The guide\n\nHello.\n\n## Top\n\nText.\n");
    c.addGuidePage(u"GLOSSARY.md"_s, "# Glossary\n\n## T\n\n### Token\n\nA piece of text.\n\nUsed in: "
                                     "[Basics](README.md)\n");
    return c;
}

QStringList messages(const CompileResult &r)
{
    QStringList out;
    for (const Diagnostic &d : r.errors)
        out.append(d.toString());
    return out;
}

} // namespace

class TestKbCompiler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void compile_validSourcesWriteAReadableKnowledgeBase()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"knowledge.db"_s);
        const CompileResult r = validCompiler().compile(out, u"1.2.3"_s);
        QVERIFY2(r.ok(), qPrintable(messages(r).join(u'\n')));
        QCOMPARE(r.counts.value(u"option"_s), 9);
        QCOMPARE(r.counts.value(u"glossary_term"_s), 1);
        QString error;
        auto kb = KnowledgeBase::open(out, &error);
        QVERIFY2(kb, qPrintable(error));
        QCOMPARE(kb->options().size(), 9);
        QCOMPARE(kb->options().first().strengths, QStringList{u"fast"_s});
        QCOMPARE(kb->models().first().availability.first().providerModelId, u"meta.llama3-1-8b-instruct-v1:0"_s);
        QCOMPARE(kb->criteria().first().values.size(), 9);
        QCOMPARE(kb->meta().pricesAsOf, u"2026-07-24"_s);
        QVERIFY(kb->meta().kbVersion.startsWith(u"1.2.3+"_s));
        QCOMPARE(kb->guidePages().first().path, u"README.md"_s);
        QCOMPARE(kb->guidePages().last().path, u"GLOSSARY.md"_s);
        QVERIFY(kb->useCases().first().workloadJson.contains(u"\"overheads\":{\"storage\":12.5}"_s));
        QVERIFY(!QFile::exists(out % u".tmp"_s));
    }

    void compile_isReproducible()
    {
        QTemporaryDir dir;
        const auto hashOf = [&](const QString &name) {
            const QString out = dir.filePath(name);
            [[maybe_unused]] const CompileResult r = validCompiler().compile(out, u"1.0"_s);
            QFile f(out);
            f.open(QIODevice::ReadOnly);
            return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
        };
        QCOMPARE(hashOf(u"a.db"_s), hashOf(u"b.db"_s));
    }

    void compile_badRowsReportFileAndLine_data()
    {
        QTest::addColumn<QByteArray>("price");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not a number") << QByteArray("[price aws-bedrock/llama-3-1-8b]\ninput = cheap\noutput = 1\n"
                                                    "as_of = 2026-01-01\nsource = s\nconfidence = V\n")
                                      << u"data/kb/prices.kb:2: 'input': expected a number >= 0, got 'cheap'"_s;
        QTest::newRow("negative") << QByteArray("[price aws-bedrock/llama-3-1-8b]\ninput = -1\noutput = 1\n"
                                                "as_of = 2026-01-01\nsource = s\nconfidence = V\n")
                                  << u"data/kb/prices.kb:2: 'input': expected a number >= 0, got '-1'"_s;
        QTest::newRow("bad date") << QByteArray("[price aws-bedrock/llama-3-1-8b]\ninput = 1\noutput = 1\n"
                                                "as_of = 2026-02-30\nsource = s\nconfidence = V\n")
                                  << u"data/kb/prices.kb:4: 'as_of': expected a date YYYY-MM-DD, got '2026-02-30'"_s;
        QTest::newRow("unknown key") << QByteArray("[price aws-bedrock/llama-3-1-8b]\ninput = 1\noutput = 1\n"
                                                   "as_of = 2026-01-01\nsource = s\nconfidence = V\ncolour = red\n")
                                     << u"data/kb/prices.kb:7: unknown key 'colour' in a price record"_s;
        QTest::newRow("missing key") << QByteArray("\n[price aws-bedrock/llama-3-1-8b]\ninput = 1\noutput = 1\n"
                                                   "as_of = 2026-01-01\nconfidence = V\n")
                                     << u"data/kb/prices.kb:2: missing required key 'source' in price "
                                        "'aws-bedrock/llama-3-1-8b'"_s;
        QTest::newRow("unknown model") << QByteArray("[price aws-bedrock/gpt-9]\ninput = 1\noutput = 1\n"
                                                     "as_of = 2026-01-01\nsource = s\nconfidence = V\n")
                                       << u"data/kb/prices.kb:1: unknown model id 'gpt-9'"_s;
        QTest::newRow("implausible") << QByteArray("[price aws-bedrock/llama-3-1-8b]\ninput = 15000\noutput = 1\n"
                                                   "as_of = 2026-01-01\nsource = s\nconfidence = V\n")
                                     << u"data/kb/prices.kb:2: 'input': 15000 USD per million tokens is implausible"_s;
        QTest::newRow("bad confidence") << QByteArray("[price aws-bedrock/llama-3-1-8b]\ninput = 1\noutput = 1\n"
                                                      "as_of = 2026-01-01\nsource = s\nconfidence = maybe\n")
                                        << u"data/kb/prices.kb:6: 'confidence': 'maybe' is not one of V, C, U"_s;
    }

    void compile_badRowsReportFileAndLine()
    {
        QFETCH(QByteArray, price);
        QFETCH(QString, expected);
        KbCompiler c;
        c.addKbSource(u"data/kb/options.kb"_s, optionsSource());
        c.addKbSource(u"data/kb/models.kb"_s, kModels);
        c.addKbSource(u"data/kb/prices.kb"_s, price);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"k.db"_s);
        const CompileResult r = c.compile(out, u"1.0"_s);
        QVERIFY2(messages(r).contains(expected), qPrintable(messages(r).join(u'\n')));
        QVERIFY(!QFile::exists(out)); // nothing is written when anything is wrong
    }

    void compile_requiresTheNineContractOptions()
    {
        KbCompiler c;
        c.addKbSource(u"data/kb/options.kb"_s, optionsSource(u"gcp-gke"_s));
        const CompileResult r = c.validate();
        QVERIFY(messages(r).contains(u"data/kb/options.kb:1: missing required option 'gcp-gke'"_s));
    }

    void compile_criterionNeedsAValueForEveryOption()
    {
        KbCompiler c;
        c.addKbSource(u"data/kb/options.kb"_s, optionsSource());
        c.addKbSource(u"data/kb/criteria.kb"_s, "[criterion x]\nname = X\ncategory = c\ndescription = d\norder = 1\n"
                                                "value.aws-bedrock = yes\n");
        const CompileResult r = c.validate();
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors[0].line, 1);
        QVERIFY(r.errors[0].message.contains(u"has no value for aws-ec2-vllm"_s));
    }

    void compile_duplicateIdNamesTheFirstDefinition()
    {
        KbCompiler c = validCompiler();
        c.addKbSource(u"data/kb/more-gpus.kb"_s, kGpus);
        const CompileResult r = c.validate();
        QVERIFY2(messages(r).contains(u"data/kb/more-gpus.kb:1: duplicate gpu 'g5.xlarge' (first defined at "
                                      "data/kb/gpus.kb:1)"_s),
                 qPrintable(messages(r).join(u'\n')));
    }

    void compile_guideLinkMustNameAPage()
    {
        KbCompiler c = validCompiler();
        c.addKbSource(u"data/kb/extra.kb"_s, "[usecase other]\nname = O\nsummary = s\noption = aws-bedrock\n"
                                             "model = llama-3-1-8b\nrequests_per_day = 1\n"
                                             "input_tokens_per_request = 1\noutput_tokens_per_request = 1\n"
                                             "guide = missing.md#x\n");
        const CompileResult r = c.validate();
        QVERIFY(messages(r).contains(u"data/kb/extra.kb:9: 'guide': no guide page 'missing.md'"_s));
    }

    void compile_badDecisionRuleReportsFileAndLine_data()
    {
        QTest::addColumn<QByteArray>("rule");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown question") << QByteArray("[rule r]\nwhen = colour is red\noptions = aws-bedrock\n"
                                                        "weight = 1\nreason = r\n")
                                          << u"data/kb/decision.kb:2: 'when': unknown question 'colour'"_s;
        QTest::newRow("unknown value") << QByteArray("[rule r]\nwhen = cloud is mars\noptions = aws-bedrock\n"
                                                     "weight = 1\nreason = r\n")
                                       << u"data/kb/decision.kb:2: 'when': 'mars' is not an answer of question "
                                          "'cloud'"_s;
        QTest::newRow("bad syntax") << QByteArray("[rule r]\nwhen = cloud equals aws\noptions = aws-bedrock\n"
                                                  "weight = 1\nreason = r\n")
                                    << u"data/kb/decision.kb:2: 'when': expected '<question> is|not <value>[, "
                                       "<value>...]' or '<question> >=|< <number>', got 'cloud equals aws'"_s;
        QTest::newRow("number op on a choice") << QByteArray("[rule r]\nwhen = cloud >= 3\noptions = aws-bedrock\n"
                                                             "weight = 1\nreason = r\n")
                                               << u"data/kb/decision.kb:2: 'when': question 'cloud' takes a choice: "
                                                  "use 'is' or 'not'"_s;
        QTest::newRow("bad weight") << QByteArray("[rule r]\nwhen = cloud is aws\noptions = aws-bedrock\n"
                                                  "weight = lots\nreason = r\n")
                                    << u"data/kb/decision.kb:4: 'weight': expected a signed number or 'exclude', "
                                       "got 'lots'"_s;
        QTest::newRow("unknown option") << QByteArray("[rule r]\nwhen = cloud is aws\noptions = aws-lambda\n"
                                                      "weight = 1\nreason = r\n")
                                        << u"data/kb/decision.kb:3: 'options': unknown option id 'aws-lambda'"_s;
        QTest::newRow("missing reason") << QByteArray("[rule r]\nwhen = cloud is aws\noptions = aws-bedrock\n"
                                                      "weight = -2\n")
                                        << u"data/kb/decision.kb:1: missing required key 'reason' in rule 'r'"_s;
        QTest::newRow("answer of a number question") << QByteArray("[answer budget/low]\nlabel = Low\norder = 9\n")
                                                     << u"data/kb/decision.kb:1: question 'budget' takes a number and "
                                                        "has no answers"_s;
    }

    void compile_badDecisionRuleReportsFileAndLine()
    {
        QFETCH(QByteArray, rule);
        QFETCH(QString, expected);
        KbCompiler c;
        c.addKbSource(u"data/kb/options.kb"_s, optionsSource());
        c.addKbSource(u"data/kb/decision.kb"_s,
                      "[question cloud]\nkind = choice\norder = 1\nname = n\ntext = t\nhelp = h\nguide = README.md#top\n"
                      "[answer cloud/aws]\nlabel = AWS\norder = 1\n"
                      "[question budget]\nkind = number\norder = 2\nname = n\ntext = t\nhelp = h\nguide = README.md\n");
        // Line numbers of the rule under test are its own file's.
        c.addKbSource(u"data/kb/decision.kb"_s, rule);
        const CompileResult r = c.validate();
        QVERIFY2(messages(r).contains(expected), qPrintable(messages(r).join(u'\n')));
    }

    void compile_decisionTreeMustKeepTheContractQuestions()
    {
        KbCompiler c;
        c.addKbSource(u"data/kb/options.kb"_s, optionsSource());
        c.addKbSource(u"data/kb/decision.kb"_s,
                      "[question cloud]\nkind = choice\norder = 1\nname = n\ntext = t\nhelp = h\nguide = README.md\n"
                      "[answer cloud/aws]\nlabel = AWS\norder = 1\n");
        const CompileResult r = c.validate();
        QVERIFY(messages(r).contains(u"data/kb/decision.kb:1: missing required answer 'cloud/azure'"_s));
        QVERIFY(messages(r).contains(u"data/kb/decision.kb:1: missing required question 'model_family'"_s));
    }

    void compile_decisionGuideLinkMustNameASection()
    {
        KbCompiler c = validCompiler();
        c.addKbSource(u"data/kb/decision.kb"_s,
                      "[question cloud]\nkind = choice\norder = 1\nname = n\ntext = t\nhelp = h\nguide = README.md#nowhere\n");
        const CompileResult r = c.validate();
        QVERIFY2(messages(r).contains(u"data/kb/decision.kb:7: 'guide': no section '#nowhere' in 'README.md'"_s),
                 qPrintable(messages(r).join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestKbCompiler)
#include "tst_kbcompiler.moc"
