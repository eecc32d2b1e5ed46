import XCTest
@testable import OKRCore

/// Every exercise's good answers must pass and its typical wrong answers must be caught, by the
/// same rules that coach real OKRs. Adding an exercise adds its tests.
final class LessonTests: XCTestCase {
    func testEveryExerciseJudgesItsGoodAndWrongAnswers() throws {
        let rules = try RuleSet.builtIn()
        let lessons = try LessonLoader.builtIn(knownRules: Set(rules.ids))
        XCTAssertGreaterThanOrEqual(lessons.count, 6)
        XCTAssertEqual(lessons.map(\.number), Array(1...lessons.count), "lessons are numbered 1, 2, 3...")
        let judge = ExerciseJudge(engine: Engine(ruleSet: rules), reference: CalendarDay(year: 2026, month: 11, day: 23))
        var checked = 0
        for lesson in lessons {
            for (i, exercise) in lesson.exercises.enumerated() {
                for answer in exercise.good {
                    let verdict = judge.judge(answer, for: exercise)
                    XCTAssertTrue(verdict.passed, "lesson \(lesson.number) exercise \(i + 1): good answer failed: \(answer) \(verdict.unwanted.map(\.rule)) missing \(verdict.missing)")
                    checked += 1
                }
                for answer in exercise.wrong {
                    XCTAssertFalse(judge.judge(answer, for: exercise).passed, "lesson \(lesson.number) exercise \(i + 1): wrong answer passed: \(answer)")
                    checked += 1
                }
            }
        }
        print("lesson answers checked: \(checked)")
    }

    func testALessonFileWithAnUnknownRuleFailsWithItsLine() {
        let yaml = "number: 9\ntitle: T\ntext: t\nexercises:\n  - ask: a\n    hint: h\n    must_not: [no-such-rule]\n    good: [x]\n    wrong: [y]\n"
        XCTAssertThrowsError(try LessonLoader.load(yaml: yaml, file: "rules/lessons/09.yml", knownRules: ["kr-is-task"])) { error in
            XCTAssertEqual((error as? RuleFileError)?.line, 7)
            XCTAssertTrue("\(error)".contains("unknown rule 'no-such-rule'"), "\(error)")
        }
    }

    func testTheCourseGivesAHintAfterAWrongTryAndMovesOnAfterARightOne() throws {
        let rules = try RuleSet.builtIn()
        let course = Course(lessons: try LessonLoader.builtIn(knownRules: Set(rules.ids)), engine: Engine(ruleSet: rules), reference: CalendarDay(year: 2026, month: 11, day: 23))
        var reply = course.start(lesson: 3, completed: [])
        XCTAssertEqual(reply.messages.first?.text, "Lesson 3: Tasks are not key results")
        reply = course.reply(to: "Launch the new pricing page by March", in: reply.state)
        XCTAssertEqual(reply.state.exercise, 0)
        XCTAssertTrue(reply.messages.contains { $0.text.hasPrefix("Hint: ") })
        reply = course.reply(to: "Raise pricing-page conversion from 2.1% to 3.5%", in: reply.state)
        XCTAssertEqual(reply.state.exercise, 1)
        reply = course.reply(to: "Raise forecast accuracy from 70% to 90%", in: reply.state)
        XCTAssertTrue(reply.state.betweenLessons)
        XCTAssertEqual(reply.state.completed, [3])
        reply = course.reply(to: "next", in: reply.state)
        XCTAssertEqual(reply.messages.first?.text, "Lesson 4: KPIs and key results")
    }

    func course() throws -> Course {
        let rules = try RuleSet.builtIn()
        return Course(lessons: try LessonLoader.builtIn(knownRules: Set(rules.ids)), engine: Engine(ruleSet: rules),
                      reference: CalendarDay(year: 2026, month: 11, day: 23))
    }

    /// Lesson 4 asked for "a line to hold" and refused answers in the lesson's own KPI form.
    func testLessonFourTakesAKPIInTheFormItTeachesAndPraisesInPlainWords() throws {
        let course = try course()
        var reply = course.start(lesson: 4, completed: [])
        reply = course.reply(to: "Churn: at most 2% as reported by Stripe, measured every month", in: reply.state)
        XCTAssertEqual(reply.state.exercise, 1, "\(reply.messages.map(\.text))")
        XCTAssertEqual(reply.messages.first?.text, "Yes: that is a level to hold, which is a KPI.")
        var wrong = course.start(lesson: 4, completed: [])
        wrong = course.reply(to: "Cut monthly churn from 4% to 2%", in: wrong.state)
        XCTAssertTrue(wrong.messages.contains { $0.text == "That does not yet read as a level to hold, which is a KPI." }, "\(wrong.messages.map(\.text))")
    }

    /// The course talks to a learner: no rule ids, no "the rules", in anything it says.
    func testTheCourseSpeaksInPlainWords() throws {
        let course = try course()
        for lesson in course.lessons {
            var reply = course.start(lesson: lesson.number, completed: [])
            var said = reply.messages
            for exercise in lesson.exercises {
                for answer in exercise.wrong.prefix(1) { reply = course.reply(to: answer, in: reply.state); said += reply.messages }
                reply = course.reply(to: exercise.good[0], in: reply.state)
                said += reply.messages
            }
            for message in said where message.finding == nil {
                XCTAssertFalse(message.text.contains("the rules"), "lesson \(lesson.number): \(message.text)")
                XCTAssertFalse(message.text.contains("[kr-") || message.text.contains("<- kr-") || message.text.contains("<- objective-"), "lesson \(lesson.number): \(message.text)")
            }
        }
    }

    /// Lesson texts are paragraphs the terminal wraps, not lines broken at a fixed width.
    func testLessonTextsAreNotHardWrapped() throws {
        for lesson in try course().lessons {
            for paragraph in lesson.text.components(separatedBy: "\n\n") {
                XCTAssertFalse(paragraph.contains("\n"), "lesson \(lesson.number) breaks a paragraph: \(paragraph.prefix(60))")
            }
            for exercise in lesson.exercises {
                XCTAssertFalse(exercise.ask.contains("\n"), "lesson \(lesson.number): \(exercise.ask)")
                XCTAssertFalse(exercise.hint.contains("\n"), "lesson \(lesson.number): \(exercise.hint)")
            }
        }
    }
}
