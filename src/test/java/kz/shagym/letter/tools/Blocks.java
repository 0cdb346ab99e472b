package kz.shagym.letter.tools;

/** Sections shared by several letters (each written in Russian and Kazakh). */
final class Blocks {

    private Blocks() {
    }

    /**
     * The heading: the addressee from the registry or as the lawyer corrected it for this letter; the fallback (a case
     * whose region the registry does not know) names the body without any note to the drafter.
     */
    static void addressee(DocBuilder d, String ruFallback, String kkFallback) {
        d.when("hasAddressee", () -> d.eachRight("addresseeLines", "{{text}}"));
        d.when("noAddressee", () -> d.right(ruFallback, kkFallback));
    }

    /**
     * Who files and who represents, from the case file: the victim (called "заявитель" until recognised as victim), or a
     * relative or the lawyer in the victim's interest; each detail only when known. The authorities' own numbers, never
     * the application's case number, identify the material.
     */
    static void applicant(DocBuilder d) {
        // the name is the victim's when the victim files; a relative's or the lawyer's may not be entered yet
        d.when("hasApplicantName", () -> {
            d.when("applicantIsVictim", () -> {
                d.when("victimNotRecognised", () -> d.right("Заявитель: {{applicantName}}", "Өтініш беруші: {{applicantName}}"));
                d.when("victimRecognised", () -> {
                    d.when("victimMale", () -> d.right("Потерпевший: {{applicantName}}", "Жәбірленуші: {{applicantName}}"));
                    d.when("victimFemale", () -> d.right("Потерпевшая: {{applicantName}}", "Жәбірленуші: {{applicantName}}"));
                });
            });
            d.when("applicantIsRelative", () -> d.right("Заявитель: {{applicantName}}", "Өтініш беруші: {{applicantName}}"));
            d.when("applicantIsLawyer", () -> d.right("Заявитель: {{applicantName}}", "Өтініш беруші: {{applicantName}}"));
        });
        d.when("applicantIsRelative", () -> {
            d.when("hasApplicantRelationship", () -> d.right("{{applicantRelationship}}", "{{applicantRelationship}}"));
            inTheInterestOf(d);
        });
        d.when("applicantIsLawyer", () -> inTheInterestOf(d));
        d.when("hasApplicantBirthDate", () -> d.right("дата рождения: {{applicantBirthDate}}", "туған күні: {{applicantBirthDate}}"));
        d.when("hasApplicantIin", () -> d.right("ИИН: {{applicantIin}}", "ЖСН: {{applicantIin}}"));
        d.when("hasApplicantAddress", () -> d.right("адрес: {{applicantAddress}}", "мекенжайы: {{applicantAddress}}"));
        d.when("hasApplicantPhone", () -> d.right("тел.: {{applicantPhone}}", "тел.: {{applicantPhone}}"));
        d.when("hasApplicantEmail", () -> d.right("e-mail: {{applicantEmail}}", "e-mail: {{applicantEmail}}"));
        d.when("victimMinor", () -> {
            d.when("victimMale", () -> d.right("несовершеннолетний — в лице законного представителя", "кәмелетке толмаған — заңды өкілі арқылы"));
            d.when("victimFemale", () -> d.right("несовершеннолетняя — в лице законного представителя", "кәмелетке толмаған — заңды өкілі арқылы"));
        });
        // the case file's advocate with their own details, or else the signed-in representative with the organisation's
        d.when("hasCounselName", () -> {
            d.right("Представитель: адвокат {{counselName}}", "Өкілі: адвокат {{counselName}}");
            d.when("hasCounselLicence", () -> d.right("лицензия № {{counselLicence}}", "лицензия № {{counselLicence}}"));
            d.when("hasCounselWarrant", () -> {
                d.when("hasCounselWarrantDate", () -> d.right("ордер № {{counselWarrant}} от {{counselWarrantDate}}",
                        "{{counselWarrantDate}} № {{counselWarrant}} ордер"));
                d.when("noCounselWarrantDate", () -> d.right("ордер № {{counselWarrant}}", "№ {{counselWarrant}} ордер"));
            });
            d.when("hasCounselBar", () -> d.right("{{counselBar}}", "{{counselBar}}"));
            d.when("hasCounselPhone", () -> d.right("тел.: {{counselPhone}}", "тел.: {{counselPhone}}"));
            d.when("hasCounselEmail", () -> d.right("e-mail: {{counselEmail}}", "e-mail: {{counselEmail}}"));
        });
        d.when("noCounselName", () -> {
            d.right("Представитель: {{representativeName}}", "Өкілі: {{representativeName}}");
            d.when("hasRepresentativeOrg", () -> d.right("{{representativeOrg}}", "{{representativeOrg}}"));
            d.when("hasRepresentativeContact", () -> d.right("{{representativeContact}}", "{{representativeContact}}"));
        });
        numbers(d);
    }

    /** Whom a relative or the lawyer files for: the name stays in the nominative, so it follows a colon. */
    static void inTheInterestOf(DocBuilder d) {
        d.when("victimMale", () -> d.right("в интересах пострадавшего: {{victimName}}", "зардап шеккен адамның мүддесінде: {{victimName}}"));
        d.when("victimFemale", () -> d.right("в интересах пострадавшей: {{victimName}}", "зардап шеккен адамның мүддесінде: {{victimName}}"));
    }

    /** КУИ, ЕРДР and the criminal case number, as the authority gave them. */
    static void numbers(DocBuilder d) {
        d.when("hasKuiNumber", () -> d.right("КУИ № {{kuiNumber}}", "АЕК № {{kuiNumber}}"));
        d.when("hasErdrNumber", () -> d.right("ЕРДР № {{erdrNumber}}", "СДТБТ № {{erdrNumber}}"));
        d.when("hasCriminalCaseNumber", () -> d.right("уголовное дело № {{criminalCaseNumber}}",
                "№ {{criminalCaseNumber}} қылмыстық іс"));
    }

    static void facts(DocBuilder d) {
        d.heading("Обстоятельства дела", "Істің мән-жайлары");
        factsBody(d);
    }

    static void factsBody(DocBuilder d) {
        // the name cannot be declined: it stands in brackets after a noun in the needed case
        // the incident date is not required at intake: without it the sentence starts with the officers
        d.when("hasIncidentDate", () -> incidentSentence(d, "{{incidentDate}} ({{region}}) сотрудники государственных органов",
                "{{incidentDate}} күні ({{region}}) мемлекеттік органдардың қызметкерлері"));
        d.when("noIncidentDate", () -> incidentSentence(d, "Сотрудники государственных органов ({{region}})",
                "Мемлекеттік органдардың қызметкерлері ({{region}})"));
        d.when("hasIncidentTime", () -> d.labelled("Время:", "Уақыты:", "{{incidentTime}}."));
        d.when("hasIncidentPlace", () -> d.labelled("Место:", "Орны:", "{{incidentPlace}}."));
        d.when("hasIncidentAccount", () -> d.labelled("Что произошло:", "Болған оқиға:", "{{incidentAccount}}"));
        d.when("noIncidentAccount", () -> d.p("Подробное описание событий содержится в первоначальном сообщении.",
                "Оқиғалардың толық сипаттамасы бастапқы хабарламада баяндалған."));
        d.when("hasPerpetrators", () -> d.labelled("Кем совершено:", "Әрекетті жасаған адамдар:", "{{perpetrators}}."));
        d.when("hasPerpetratorUnit", () -> d.labelled("Подразделение:", "Бөлімше:", "{{perpetratorUnit}}."));
        d.when("hasDetentionPlace", () -> d.labelled("Место содержания под стражей:", "Күзетпен ұстау орны:", "{{detentionPlace}}."));
        d.when("hasWitnesses", () -> d.labelled("Свидетели:", "Куәлар:", "{{witnesses}}."));
        d.when("applicantMale", () -> d.p("{{reportFiledOn}} заявитель обратился с сообщением об уголовном правонарушении в {{filedWithTo}}.",
                "{{reportFiledOn}} күні өтініш беруші қылмыстық құқық бұзушылық туралы хабарламамен {{filedWithTo}} жүгінді."));
        d.when("applicantFemale", () -> d.p("{{reportFiledOn}} заявитель обратилась с сообщением об уголовном правонарушении в {{filedWithTo}}.",
                "{{reportFiledOn}} күні өтініш беруші қылмыстық құқық бұзушылық туралы хабарламамен {{filedWithTo}} жүгінді."));
        chronology(d);
    }

    /** "<who> совершили в отношении пострадавшего/пострадавшей (name) действия, квалифицируемые как …", by the victim's gender. */
    private static void incidentSentence(DocBuilder d, String ruWho, String kkWho) {
        String kk = kkWho + " зардап шеккен адамға ({{victimName}}) қатысты {{allegationText}} ретінде сараланатын әрекеттер жасады.";
        d.when("victimMale", () -> d.p(ruWho + " совершили в отношении пострадавшего ({{victimName}}) действия, квалифицируемые как "
                + "{{allegationText}}.", kk));
        d.when("victimFemale", () -> d.p(ruWho + " совершили в отношении пострадавшей ({{victimName}}) действия, квалифицируемые как "
                + "{{allegationText}}.", kk));
    }

    static void chronology(DocBuilder d) {
        d.p("Хронология рассмотрения сообщения:", "Хабарламаны қарау хронологиясы:");
        d.each("chronology", "{{date}} — {{text}}.", "{{date}} — {{text}}.");
    }

    static void contested(DocBuilder d) {
        contested(d, "Обжалуемое решение (действие, бездействие):", "Шағым жасалып отырған шешім (әрекет, әрекетсіздік):");
    }

    /** The decision (or silence) the letter is about: who, what, when, when learned, copy or not. */
    static void contested(DocBuilder d, String ruLabel, String kkLabel) {
        d.when("hasContested", () -> {
            d.labelled(ruLabel, kkLabel, "{{contestedAuthority}} — {{contestedOutcome}}, {{contestedDecidedOn}}.");
            d.when("hasReason", () -> d.labelled("Основание, указанное органом:", "Орган көрсеткен негіз:",
                    "{{contestedReason}}."));
            d.labelled("Дата, когда заявителю стало известно о решении:", "Өтініш берушіге шешім туралы белгілі болған күн:",
                    "{{contestedLearnedOn}}.");
            d.when("copyReceived", () -> d.labelled("Копия решения получена:", "Шешімнің көшірмесі алынған күн:",
                    "{{contestedCopyReceivedOn}}."));
            d.when("copyMissing", () -> d.p("Копия обжалуемого решения заявителю не вручена.",
                    "Шағым жасалып отырған шешімнің көшірмесі өтініш берушіге тапсырылмаған."));
            d.when("hasContestedNumber", () -> d.labelled("Номер решения:", "Шешімнің нөмірі:", "{{contestedNumber}}."));
        });
    }

    /** The answer to the authority's stated reason: exactly one of these paragraphs survives rendering. */
    static void reasons(DocBuilder d) {
        d.when("reasonForwarded", () -> d.p(
                "Сообщение {{allegationAbout}} не зарегистрировано в Едином реестре досудебных расследований (ЕРДР), а учтено в "
                        + "книге учёта информации (КУИ) и направлено в подразделение собственной безопасности (УСБ) для "
                        + "служебной проверки. Служебная проверка не является процессуальной формой реагирования на "
                        + "сообщение об уголовном правонарушении: её проводит ведомство, сотрудники которого обвиняются в "
                        + "этих действиях, она не даёт заявителю прав потерпевшего и не подлежит судебному контролю. Такой порядок "
                        + "противоречит статьям 179–181 УПК РК, Правилам приёма и регистрации заявлений и сообщений "
                        + "об уголовных правонарушениях (приказ Генерального прокурора РК от 19.09.2014 № 89) и требованию "
                        + "беспристрастного расследования (статья 12 Конвенции против пыток).",
                "Өтініш берушінің {{allegationAbout}} хабарламасы Сотқа дейінгі тергеп-тексерулердің бірыңғай тізілімінде "
                        + "(СДТБТ) тіркелмей, "
                        + "ақпаратты есепке алу кітабында (АЕК) ескеріліп, қызметтік тексеру үшін өзіндік қауіпсіздік "
                        + "бөлімшесіне (ӨҚБ) жіберілген. Қызметтік тексеру қылмыстық құқық бұзушылық туралы хабарламаға "
                        + "ден қоюдың процестік нысаны болып табылмайды: оны қызметкерлері осы әрекеттерді жасады деп "
                        + "айыпталып отырған ведомство жүргізеді, ол өтініш берушіге жәбірленушінің құқықтарын бермейді "
                        + "және сот бақылауына жатпайды. Мұндай тәртіп ҚР ҚПК 179–181-баптарына, Қылмыстық құқық "
                        + "бұзушылықтар туралы арыздар мен хабарларды қабылдау және тіркеу қағидаларына (ҚР Бас "
                        + "Прокурорының 19.09.2014 № 89 бұйрығы) және тергеп-тексерудің бейтараптығы талабына "
                        + "(Азаптауға қарсы конвенцияның 12-бабы) қайшы келеді."));
        d.when("reasonNotProven", () -> d.p(
                "Орган сослался на то, что доводы заявителя «не нашли подтверждения». Однако вывод о недоказанности "
                        + "может быть сделан лишь по результатам досудебного расследования, в ходе которого назначена "
                        + "судебно-медицинская экспертиза, допрошены заявитель, сотрудники и свидетели, истребованы записи "
                        + "видеонаблюдения и медицинская документация. Ни одно из этих действий не проведено. Бремя "
                        + "доказывания того, что телесные повреждения лица, находившегося под контролем государства, "
                        + "возникли не от действий его сотрудников, лежит на государстве.",
                "Орган өтініш берушінің дәлелдері «расталмады» деп көрсеткен. Алайда дәлелденбеу туралы қорытынды "
                        + "тек сотқа дейінгі тергеп-тексерудің нәтижелері бойынша жасалуы мүмкін: оның барысында "
                        + "сот-медициналық сараптама тағайындалып, өтініш берушіден, қызметкерлерден және куәлардан жауап "
                        + "алынып, бейнебақылау жазбалары мен медициналық құжаттама талап етіліп алынуға тиіс. Бұл әрекеттердің ешқайсысы "
                        + "жүргізілмеген. Мемлекеттің бақылауында болған адамның дене жарақаттары оның "
                        + "қызметкерлерінің әрекеттерінен пайда болмағанын дәлелдеу ауыртпалығы мемлекетке жүктеледі."));
        d.when("reasonNoCrime", () -> d.p(
                "Орган пришёл к выводу об отсутствии события (состава) уголовного правонарушения. Этот вывод "
                        + "противоречит изложенным фактам: умышленное причинение физических и (или) психических страданий "
                        + "должностным лицом с целью получения сведений или признания, наказания или принуждения образует "
                        + "признаки статьи 146 УК РК и подпадает под определение пытки в статье 1 Конвенции против пыток. "
                        + "Наличие или отсутствие состава устанавливается в ходе расследования, а не при решении вопроса "
                        + "о регистрации сообщения.",
                "Орган қылмыстық құқық бұзушылық оқиғасы (құрамы) жоқ деген қорытындыға келген. Бұл қорытынды "
                        + "баяндалған фактілерге қайшы келеді: лауазымды адамның мәлімет немесе мойындау алу, жазалау "
                        + "немесе мәжбүрлеу мақсатында қасақана дене және (немесе) психикалық азап шектіруі ҚР ҚК "
                        + "146-бабының белгілерін құрайды және Азаптауға қарсы конвенцияның 1-бабындағы азаптау "
                        + "анықтамасына сәйкес келеді. Құрамның бар-жоғы хабарламаны тіркеу мәселесін шешу кезінде емес, "
                        + "тергеп-тексеру барысында анықталады."));
        d.when("reasonSilence", () -> d.p(
                "Обращение заявителя оставлено без ответа. Бездействие органа, обязанного незамедлительно "
                        + "зарегистрировать сообщение об уголовном правонарушении, само по себе нарушает статьи 179–181 "
                        + "УПК РК и статью 13 Конвенции против пыток и подлежит обжалованию.",
                "Өтініш берушінің жүгінуі жауапсыз қалдырылған. Қылмыстық құқық бұзушылық туралы хабарламаны дереу "
                        + "тіркеуге міндетті органның әрекетсіздігі өздігінен ҚР ҚПК 179–181-баптарын және Азаптауға "
                        + "қарсы конвенцияның 13-бабын бұзады және оған шағым жасалуы мүмкін."));
    }

    /** What is known medically (the ledger's encrypted medical facts), each line only when recorded. */
    static void medicalFacts(DocBuilder d) {
        d.when("hasMedicalFacts", () -> {
            d.p("Медицинские сведения:", "Медициналық мәліметтер:");
            d.when("hasInjuries", () -> d.labelled("Телесные повреждения:", "Дене жарақаттары:", "{{medicalInjuries}}"));
            d.when("hasMedicalExamination", () -> d.labelled("Медицинский осмотр:", "Медициналық тексеру:",
                    "{{medicalExamination}}."));
            d.when("hasDoctorFindings", () -> d.labelled("Заключение врача:", "Дәрігердің қорытындысы:",
                    "{{medicalDoctorFindings}}"));
        });
    }

    static void minor(DocBuilder d) {
        // "пострадавший": the minor may not (yet) be recognised as victim
        String kk = "Зардап шеккен адам кәмелетке толмаған. Мемлекетке баланы азаптаудан және қатыгез қарым-қатынастан қорғау "
                + "жөнінде ерекше міндет жүктеледі (Бала құқықтары туралы конвенцияның 37-бабы); оның "
                + "қатысуымен жүргізілетін барлық әрекеттер заңды өкілдің және педагогтың немесе психологтың "
                + "қатысуымен, ал тергеп-тексеру ерекше жеделдікпен жүргізіледі.";
        String ru = " Государство несёт повышенную обязанность защищать ребёнка от пыток и жестокого обращения (статья 37 "
                + "Конвенции о правах ребёнка); все действия с %s участием проводятся в присутствии законного представителя и с "
                + "участием педагога или психолога, а расследование — с особой оперативностью.";
        d.when("victimMinor", () -> {
            d.when("victimMale", () -> d.p("Пострадавший является несовершеннолетним." + ru.formatted("его"), kk));
            d.when("victimFemale", () -> d.p("Пострадавшая является несовершеннолетней." + ru.formatted("её"), kk));
        });
    }

    /** Trigger, its date, the computed last day and the article; then in time / missed. */
    static void timeliness(DocBuilder d, String ruHeading, String kkHeading) {
        d.when("hasTimeliness", () -> {
            d.heading(ruHeading, kkHeading);
            timelinessFacts(d);
            d.when("termInTime", () -> d.p("Документ подаётся в пределах установленного срока.",
                    "Құжат белгіленген мерзім ішінде беріліп отыр."));
            // "for a good reason" only with the reason the lawyer gives; never a motion claimed as enclosed
            d.when("termMissed", () -> {
                d.when("hasMissedTermReason", () -> d.p(
                        "Срок пропущен по уважительной причине: {{missedTermReason}} Заявитель просит восстановить "
                                + "пропущенный срок.",
                        "Мерзім дәлелді себеппен өткізіп алынды: {{missedTermReason}} Өтініш беруші өткізіп алынған "
                                + "мерзімді қалпына келтіруді сұрайды."));
                d.when("noMissedTermReason", () -> d.p("Последний день срока истёк.", "Мерзімнің соңғы күні өтіп кетті."));
            });
        });
    }

    static void timelinessFacts(DocBuilder d) {
        d.labelled("Начало течения срока:", "Мерзімнің басталуы:", "{{triggerText}} — {{triggerDate}}.");
        d.labelled("Последний день срока:", "Мерзімнің соңғы күні:",
                d.t("{{lastDay}} (срок истекает в 24 часа последнего дня).",
                        "{{lastDay}} (мерзім соңғы күннің сағат 24-інде аяқталады)."));
        d.labelled("Правовое основание:", "Құқықтық негіз:", "{{legalBasis}}.");
    }

    static void requests(DocBuilder d, String ruHeading, String kkHeading) {
        d.heading(ruHeading, kkHeading);
        d.each("requests", "{{no}}. {{text}}", "{{no}}. {{text}}");
    }

    static void requests(DocBuilder d) {
        requests(d, "На основании изложенного, ПРОШУ:", "Жоғарыда баяндалғанның негізінде СҰРАЙМЫН:");
    }

    /** The enclosures kept with the signature that follows, so that the signature never stands alone on a page. */
    static void attachments(DocBuilder d) {
        d.heading("Приложения:", "Қосымшалар:");
        d.eachKeptWithNext("attachments", "{{no}}. {{text}}");
    }

    /**
     * Date (set when the letter is approved; until then a line to fill in by hand) and signatures, kept together. The
     * applicant signs as what they are: applicant, victim (after recognition), or in the victim's interest.
     */
    static void signature(DocBuilder d) {
        d.when("hasLetterDate", () -> d.signatureLine("Дата: {{letterDate}}", "Күні: {{letterDate}}"));
        d.when("letterDatePending", () -> d.signatureLine("Дата: «___» ____________ 20___ г.", "Күні: 20___ ж. «___» ____________"));
        d.when("hasCounselName", () -> d.signatureLine("Представитель, адвокат ____________________ {{counselName}}",
                "Өкілі, адвокат ____________________ {{counselName}}"));
        d.when("noCounselName", () -> d.signatureLine("Представитель ____________________ {{representativeName}}",
                "Өкілі ____________________ {{representativeName}}"));
        // an applicant whose name is not entered yet does not sign: the representative's signature stands
        d.when("hasApplicantName", () -> {
            d.when("victimNotRecognised", () -> d.signatureLine("Заявитель ____________________ {{applicantName}}",
                    "Өтініш беруші ____________________ {{applicantName}}"));
            d.when("victimRecognised", () -> {
                d.when("applicantIsVictim", () -> {
                    d.when("victimMale", () -> d.signatureLine("Потерпевший ____________________ {{applicantName}}",
                            "Жәбірленуші ____________________ {{applicantName}}"));
                    d.when("victimFemale", () -> d.signatureLine("Потерпевшая ____________________ {{applicantName}}",
                            "Жәбірленуші ____________________ {{applicantName}}"));
                });
                d.when("applicantIsRelative", () -> d.signatureLine("Заявитель ____________________ {{applicantName}}",
                        "Өтініш беруші ____________________ {{applicantName}}"));
            });
        });
    }
}
