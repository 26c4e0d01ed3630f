//! Hand-written sentence-splitting cases: (text, expected sentences). The texts are the
//! project's own, written for these tests.

/// Focused cases, one phenomenon each.
pub(crate) const FOCUSED: &[(&str, &[&str])] = &[
    // Plain periods, question and exclamation marks.
    (
        "Russia vetoed the draft. China abstained.",
        &["Russia vetoed the draft.", "China abstained."],
    ),
    (
        "Will Tehran respond? Officials would not say! The talks ended.",
        &[
            "Will Tehran respond?",
            "Officials would not say!",
            "The talks ended.",
        ],
    ),
    // Country and organisation initialisms.
    (
        "The U.S. Navy sent two destroyers to the region.",
        &["The U.S. Navy sent two destroyers to the region."],
    ),
    (
        "The resolution was drafted by the U.S. The vote is due on Friday.",
        &[
            "The resolution was drafted by the U.S.",
            "The vote is due on Friday.",
        ],
    ),
    (
        "He briefed the U.N. Security Council on Tuesday.",
        &["He briefed the U.N. Security Council on Tuesday."],
    ),
    (
        "London left the E.U. in 2020. But trade talks go on.",
        &["London left the E.U. in 2020.", "But trade talks go on."],
    ),
    (
        "Troops stayed in the U.K. He said they would leave later.",
        &[
            "Troops stayed in the U.K.",
            "He said they would leave later.",
        ],
    ),
    (
        "Protesters marched in Washington, D.C. The police made no arrests.",
        &[
            "Protesters marched in Washington, D.C.",
            "The police made no arrests.",
        ],
    ),
    (
        "The U.S. President Joe Biden called Mr. Zelenskiy.",
        &["The U.S. President Joe Biden called Mr. Zelenskiy."],
    ),
    // Titles before names.
    (
        "Gen. Mark Milley met Lt. Col. Ana Ruiz and Sen. Bob Menendez.",
        &["Gen. Mark Milley met Lt. Col. Ana Ruiz and Sen. Bob Menendez."],
    ),
    (
        "Rep. Nancy Pelosi and Gov. Gavin Newsom spoke with Dr. Fauci.",
        &["Rep. Nancy Pelosi and Gov. Gavin Newsom spoke with Dr. Fauci."],
    ),
    (
        "Mrs. Thatcher met Mr. Gorbachev at Chequers. They talked for hours.",
        &[
            "Mrs. Thatcher met Mr. Gorbachev at Chequers.",
            "They talked for hours.",
        ],
    ),
    (
        "Maj. Gen. Igor Konashenkov read the statement.",
        &["Maj. Gen. Igor Konashenkov read the statement."],
    ),
    (
        "The ambassador lives on St. Petersburg Avenue.",
        &["The ambassador lives on St. Petersburg Avenue."],
    ),
    // Months.
    (
        "The ceasefire began on Jan. 19 and was extended on Feb. 28.",
        &["The ceasefire began on Jan. 19 and was extended on Feb. 28."],
    ),
    (
        "The accord was signed on Sept. 13, 1993, at the White House.",
        &["The accord was signed on Sept. 13, 1993, at the White House."],
    ),
    (
        "Voting ends in Nov. Results follow a week later.",
        &["Voting ends in Nov.", "Results follow a week later."],
    ),
    // Companies and suffixes.
    (
        "Boeing Co. Chief Executive Dave Calhoun met trade officials.",
        &["Boeing Co. Chief Executive Dave Calhoun met trade officials."],
    ),
    (
        "The contract went to Lockheed Martin Corp. The Pentagon did not comment.",
        &[
            "The contract went to Lockheed Martin Corp.",
            "The Pentagon did not comment.",
        ],
    ),
    (
        "Sanctions hit Rosneft Ltd. and Gazprom Inc. in March.",
        &["Sanctions hit Rosneft Ltd. and Gazprom Inc. in March."],
    ),
    (
        "Martin Luther King Jr. Day is a federal holiday.",
        &["Martin Luther King Jr. Day is a federal holiday."],
    ),
    (
        "The case was Russia vs. Ukraine at the court.",
        &["The case was Russia vs. Ukraine at the court."],
    ),
    (
        "Exports include oil, gas, grain, etc. The list is long.",
        &["Exports include oil, gas, grain, etc.", "The list is long."],
    ),
    // Initials.
    (
        "President George W. Bush met Vladimir Putin in Slovenia.",
        &["President George W. Bush met Vladimir Putin in Slovenia."],
    ),
    (
        "J. R. R. Tolkien served in the First World War.",
        &["J. R. R. Tolkien served in the First World War."],
    ),
    (
        "John F. Kennedy met Nikita Khrushchev in Vienna. The summit went badly.",
        &[
            "John F. Kennedy met Nikita Khrushchev in Vienna.",
            "The summit went badly.",
        ],
    ),
    // Numbers.
    (
        "The economy grew 3.5 percent last year.",
        &["The economy grew 3.5 percent last year."],
    ),
    (
        "Congress approved $1.2 billion in aid. The Senate vote was 68-31.",
        &[
            "Congress approved $1.2 billion in aid.",
            "The Senate vote was 68-31.",
        ],
    ),
    (
        "The prime minister returned to No. 10 Downing Street.",
        &["The prime minister returned to No. 10 Downing Street."],
    ),
    (
        "The treaty has 14 articles, and Art. 5 is the core.",
        &["The treaty has 14 articles, and Art. 5 is the core."],
    ),
    (
        "The two states made peace in 1979. Relations stayed cold.",
        &[
            "The two states made peace in 1979.",
            "Relations stayed cold.",
        ],
    ),
    (
        "Turnout was 61.2%. Analysts called it low.",
        &["Turnout was 61.2%.", "Analysts called it low."],
    ),
    // Times.
    (
        "The talks began at 10:30 a.m. Tuesday in Geneva.",
        &["The talks began at 10:30 a.m. Tuesday in Geneva."],
    ),
    (
        "The curfew starts at 9 p.m. local time.",
        &["The curfew starts at 9 p.m. local time."],
    ),
    (
        "The vote opened at 7 a.m. The first results came at 11 p.m. EST on Sunday.",
        &[
            "The vote opened at 7 a.m.",
            "The first results came at 11 p.m. EST on Sunday.",
        ],
    ),
    (
        "Polls closed at 8 p.m. Officials began counting.",
        &["Polls closed at 8 p.m.", "Officials began counting."],
    ),
    (
        "The envoy holds a Ph.D. The minister does not.",
        &["The envoy holds a Ph.D.", "The minister does not."],
    ),
    (
        "The report cites p. 14 and pp. 20-25 of the annex.",
        &["The report cites p. 14 and pp. 20-25 of the annex."],
    ),
    (
        "Ukraine is No. 1 on the agenda. Gaza is No. 2.",
        &["Ukraine is No. 1 on the agenda.", "Gaza is No. 2."],
    ),
    (
        "The answer was No. The envoy left.",
        &["The answer was No.", "The envoy left."],
    ),
    (
        "Sanctions, e.g. on oil, remain. They bite.",
        &["Sanctions, e.g. on oil, remain.", "They bite."],
    ),
    // Quotes.
    (
        "He said \"no.\" Then he left the room.",
        &["He said \"no.\"", "Then he left the room."],
    ),
    (
        "\"We will not retreat,\" Zelenskiy said. \"Ukraine will win.\"",
        &[
            "\"We will not retreat,\" Zelenskiy said.",
            "\"Ukraine will win.\"",
        ],
    ),
    (
        "\"Who will pay for this?\" Trump asked. Nobody answered.",
        &[
            "\"Who will pay for this?\" Trump asked.",
            "Nobody answered.",
        ],
    ),
    (
        "\"Is the war over?\" he asked. \"Not yet.\"",
        &["\"Is the war over?\" he asked.", "\"Not yet.\""],
    ),
    (
        "\"Enough!\" shouted the minister. The session was suspended.",
        &[
            "\"Enough!\" shouted the minister.",
            "The session was suspended.",
        ],
    ),
    (
        "“Never again,” she wrote. “We remember.” The ceremony ended.",
        &[
            "“Never again,” she wrote.",
            "“We remember.”",
            "The ceremony ended.",
        ],
    ),
    (
        "They asked: \"Why now?\" The minister did not reply.",
        &["They asked: \"Why now?\"", "The minister did not reply."],
    ),
    (
        "He called it ‘a betrayal.’ Moscow rejected that.",
        &["He called it ‘a betrayal.’", "Moscow rejected that."],
    ),
    (
        "The statement ended: \"We stand with Ukraine!\" Lithuania's envoy agreed.",
        &[
            "The statement ended: \"We stand with Ukraine!\"",
            "Lithuania's envoy agreed.",
        ],
    ),
    (
        "Sanctions were imposed by the U.S. \"We had no choice,\" an official said.",
        &[
            "Sanctions were imposed by the U.S.",
            "\"We had no choice,\" an official said.",
        ],
    ),
    // Brackets.
    (
        "Russia vetoed the text. (China abstained.) The council adjourned.",
        &[
            "Russia vetoed the text.",
            "(China abstained.)",
            "The council adjourned.",
        ],
    ),
    (
        "The pact (signed in 1961) is still in force.",
        &["The pact (signed in 1961) is still in force."],
    ),
    // Ellipses.
    (
        "The deal was... complicated, he said.",
        &["The deal was... complicated, he said."],
    ),
    (
        "The talks stalled... The next round is in May.",
        &["The talks stalled...", "The next round is in May."],
    ),
    (
        "We waited… and waited. Nothing came.",
        &["We waited… and waited.", "Nothing came."],
    ),
    (
        "It was over… Nobody doubted it.",
        &["It was over…", "Nobody doubted it."],
    ),
    // URLs and e-mail.
    (
        "The text is at www.un.org/en/charter. It runs to 111 articles.",
        &[
            "The text is at www.un.org/en/charter.",
            "It runs to 111 articles.",
        ],
    ),
    (
        "Write to press@state.gov. Replies take a week.",
        &["Write to press@state.gov.", "Replies take a week."],
    ),
    (
        "See https://example.org/report.pdf for details.",
        &["See https://example.org/report.pdf for details."],
    ),
    // Paragraphs and headlines.
    (
        "Talks resume in Doha\n\nNegotiators returned on Monday.",
        &["Talks resume in Doha", "Negotiators returned on Monday."],
    ),
    (
        "First paragraph without a stop\n\nSecond paragraph.",
        &["First paragraph without a stop", "Second paragraph."],
    ),
    (
        "Putin and Kim sign defence pact\nRussian President Vladimir Putin arrived on Wednesday.",
        &[
            "Putin and Kim sign defence pact",
            "Russian President Vladimir Putin arrived on Wednesday.",
        ],
    ),
    (
        "The U.N. General Assembly voted on Wednesday to\nreprimand Russia for the invasion.",
        &["The U.N. General Assembly voted on Wednesday to\nreprimand Russia for the invasion."],
    ),
    (
        "Ministers met in Brussels on Monday and agreed to\nSanctions against Minsk were extended.",
        &[
            "Ministers met in Brussels on Monday and agreed to\nSanctions against Minsk were extended.",
        ],
    ),
    (
        "One sentence ends here.\nAnother starts on the next line.",
        &[
            "One sentence ends here.",
            "Another starts on the next line.",
        ],
    ),
    ("a.\r\n\r\nb.", &["a.", "b."]),
    // Lists.
    (
        "The demands were:\n1. A ceasefire\n2. Prisoner exchanges\n3. Talks in Istanbul",
        &[
            "The demands were:",
            "1. A ceasefire",
            "2. Prisoner exchanges",
            "3. Talks in Istanbul",
        ],
    ),
    (
        "Key points:\n• Russia vetoed the draft\n• China abstained\n- India was absent",
        &[
            "Key points:",
            "• Russia vetoed the draft",
            "• China abstained",
            "- India was absent",
        ],
    ),
    (
        "Options:\na) sanctions\nb) talks",
        &["Options:", "a) sanctions", "b) talks"],
    ),
    // Non-English scripts.
    (
        "会谈结束了。双方同意继续。",
        &["会谈结束了。", "双方同意继续。"],
    ),
    (
        "Переговоры закончились. Стороны договорились.",
        &["Переговоры закончились.", "Стороны договорились."],
    ),
];

/// Realistic multi-paragraph stories with their expected sentences.
pub(crate) const STORIES: &[(&str, &[&str])] = &[
    (
        "U.S. Secretary of State Antony Blinken arrived in Beijing on Sunday for two days of talks, the first visit by a U.S. secretary of state since 2018. He is expected to meet Foreign Minister Qin Gang and possibly President Xi Jinping.\n\nThe trip was postponed in Feb. after a Chinese balloon crossed U.S. airspace. \"We are not looking for a new Cold War,\" Blinken told reporters at Andrews Air Force Base. Chinese officials said the U.S. must stop interfering in China's internal affairs.\n\nRelations have been strained over Taiwan, trade and technology. Analysts said expectations were low... The White House said it hoped to put \"a floor\" under ties.",
        &[
            "U.S. Secretary of State Antony Blinken arrived in Beijing on Sunday for two days of talks, the first visit by a U.S. secretary of state since 2018.",
            "He is expected to meet Foreign Minister Qin Gang and possibly President Xi Jinping.",
            "The trip was postponed in Feb. after a Chinese balloon crossed U.S. airspace.",
            "\"We are not looking for a new Cold War,\" Blinken told reporters at Andrews Air Force Base.",
            "Chinese officials said the U.S. must stop interfering in China's internal affairs.",
            "Relations have been strained over Taiwan, trade and technology.",
            "Analysts said expectations were low...",
            "The White House said it hoped to put \"a floor\" under ties.",
        ],
    ),
    (
        "The U.N. Security Council met in emergency session on Saturday after North Korea fired an intercontinental ballistic missile into the sea off Japan. The missile flew for 66 min. and reached an altitude of about 5,700 km, Japan's Defence Ministry said.\n\nU.S. Ambassador Linda Thomas-Greenfield said Pyongyang had violated \"multiple resolutions\" and called for new sanctions. Russia and China opposed the move. Their envoys argued that U.S.-led military drills had provoked the launch.\n\nSouth Korea's President Yoon Suk Yeol ordered his military to respond \"overwhelmingly\" to any provocation. Japan's Prime Minister Fumio Kishida condemned the launch as \"an outrageous act.\" Neither Beijing nor Moscow commented further.",
        &[
            "The U.N. Security Council met in emergency session on Saturday after North Korea fired an intercontinental ballistic missile into the sea off Japan.",
            "The missile flew for 66 min. and reached an altitude of about 5,700 km, Japan's Defence Ministry said.",
            "U.S. Ambassador Linda Thomas-Greenfield said Pyongyang had violated \"multiple resolutions\" and called for new sanctions.",
            "Russia and China opposed the move.",
            "Their envoys argued that U.S.-led military drills had provoked the launch.",
            "South Korea's President Yoon Suk Yeol ordered his military to respond \"overwhelmingly\" to any provocation.",
            "Japan's Prime Minister Fumio Kishida condemned the launch as \"an outrageous act.\"",
            "Neither Beijing nor Moscow commented further.",
        ],
    ),
    (
        "EU leaders agree on new Russia sanctions\nEuropean Union leaders agreed early on Friday to a 12th package of sanctions against Russia, including a ban on imports of Russian diamonds. The package also targets firms in third countries that help Moscow evade existing measures.\n\nHungarian Prime Minister Viktor Orban, who had threatened a veto, left the room during the vote. \"It was a strange moment,\" one diplomat said. Lithuania's President Gitanas Nauseda called the outcome \"a victory for Ukraine and for Europe.\"\n\nThe Kremlin said the sanctions would hurt Europe more than Russia. Foreign Ministry spokeswoman Maria Zakharova said Moscow would respond. Trade between the EU and Russia fell by about 60% in 2023.",
        &[
            "EU leaders agree on new Russia sanctions",
            "European Union leaders agreed early on Friday to a 12th package of sanctions against Russia, including a ban on imports of Russian diamonds.",
            "The package also targets firms in third countries that help Moscow evade existing measures.",
            "Hungarian Prime Minister Viktor Orban, who had threatened a veto, left the room during the vote.",
            "\"It was a strange moment,\" one diplomat said.",
            "Lithuania's President Gitanas Nauseda called the outcome \"a victory for Ukraine and for Europe.\"",
            "The Kremlin said the sanctions would hurt Europe more than Russia.",
            "Foreign Ministry spokeswoman Maria Zakharova said Moscow would respond.",
            "Trade between the EU and Russia fell by about 60% in 2023.",
        ],
    ),
    (
        "Israeli and Palestinian negotiators met in Oslo in 1993 under Norwegian auspices. The talks led to the Declaration of Principles, signed on the White House lawn on Sept. 13, 1993.\n\nPrime Minister Yitzhak Rabin and PLO Chairman Yasser Arafat shook hands as President Bill Clinton looked on. Mr. Rabin said: \"Enough of blood and tears. Enough!\" The accord provided for Palestinian self-rule in Gaza and Jericho.\n\nThe Nobel Peace Prize for 1994 went to Rabin, Arafat and Shimon Peres. Rabin was assassinated in Tel Aviv on Nov. 4, 1995. The peace process never recovered, historians say.",
        &[
            "Israeli and Palestinian negotiators met in Oslo in 1993 under Norwegian auspices.",
            "The talks led to the Declaration of Principles, signed on the White House lawn on Sept. 13, 1993.",
            "Prime Minister Yitzhak Rabin and PLO Chairman Yasser Arafat shook hands as President Bill Clinton looked on.",
            "Mr. Rabin said: \"Enough of blood and tears.",
            "Enough!\"",
            "The accord provided for Palestinian self-rule in Gaza and Jericho.",
            "The Nobel Peace Prize for 1994 went to Rabin, Arafat and Shimon Peres.",
            "Rabin was assassinated in Tel Aviv on Nov. 4, 1995.",
            "The peace process never recovered, historians say.",
        ],
    ),
    (
        "Lt. Gen. Keith Kellogg, the U.S. special envoy for Ukraine and Russia, arrived in Kyiv on Wednesday. He met Ukrainian President Volodymyr Zelenskiy and Defense Minister Rustem Umerov.\n\nKellogg told reporters: \"We understand the need for security guarantees.\" Zelenskiy's office said the meeting covered prisoner exchanges, air defense and the situation at the Zaporizhzhia nuclear plant (the largest in Europe).\n\nThe visit came a day after Russian drones struck the city of Sumy, killing 3 people, officials said. Moscow denied targeting civilians. The Kremlin's spokesman, Dmitry Peskov, said Russia was open to talks \"without preconditions\"...",
        &[
            "Lt. Gen. Keith Kellogg, the U.S. special envoy for Ukraine and Russia, arrived in Kyiv on Wednesday.",
            "He met Ukrainian President Volodymyr Zelenskiy and Defense Minister Rustem Umerov.",
            "Kellogg told reporters: \"We understand the need for security guarantees.\"",
            "Zelenskiy's office said the meeting covered prisoner exchanges, air defense and the situation at the Zaporizhzhia nuclear plant (the largest in Europe).",
            "The visit came a day after Russian drones struck the city of Sumy, killing 3 people, officials said.",
            "Moscow denied targeting civilians.",
            "The Kremlin's spokesman, Dmitry Peskov, said Russia was open to talks \"without preconditions\"...",
        ],
    ),
    (
        "Washington and Tokyo agreed on Tuesday to upgrade U.S. Forces Japan to a joint force headquarters, in the biggest change to the alliance in decades.\n\nU.S. Secretary of Defense Lloyd J. Austin III and Secretary of State Antony J. Blinken met their Japanese counterparts, Minoru Kihara and Yoko Kamikawa, in Tokyo. The four ministers also discussed co-production of missiles, including AMRAAMs and PAC-3s.\n\nChina's Foreign Ministry accused the two allies of \"hyping up the so-called China threat.\" Spokesman Lin Jian said: \"We urge the U.S. and Japan to stop.\"",
        &[
            "Washington and Tokyo agreed on Tuesday to upgrade U.S. Forces Japan to a joint force headquarters, in the biggest change to the alliance in decades.",
            "U.S. Secretary of Defense Lloyd J. Austin III and Secretary of State Antony J. Blinken met their Japanese counterparts, Minoru Kihara and Yoko Kamikawa, in Tokyo.",
            "The four ministers also discussed co-production of missiles, including AMRAAMs and PAC-3s.",
            "China's Foreign Ministry accused the two allies of \"hyping up the so-called China threat.\"",
            "Spokesman Lin Jian said: \"We urge the U.S. and Japan to stop.\"",
        ],
    ),
];
