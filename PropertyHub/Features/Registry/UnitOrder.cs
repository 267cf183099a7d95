using System.Linq.Expressions;

namespace PropertyHub.Features.Registry;

/// <summary>
/// Units in the order people count them: building 2 before building 10, and 1-101 before 1-1001 — by building code
/// (shorter first, then alphabetical), floor, and number (shorter first, then alphabetical). Every key is a plain
/// column, so the database sorts and pages it on SQLite, SQL Server and PostgreSQL alike.
/// </summary>
public static class UnitOrder
{
    public static IOrderedQueryable<Unit> OrderNaturally(this IQueryable<Unit> units) =>
        units.OrderBy(u => u.Building!.Code.Length).ThenBy(u => u.Building!.Code)
            .ThenBy(u => u.Floor).ThenBy(u => u.Number.Length).ThenBy(u => u.Number).ThenBy(u => u.Id);

    /// <summary>
    /// The same order for rows that reach their unit through a navigation, e.g.
    /// <c>tasks.OrderNaturallyBy(t => t.Unit!)</c>. Descending reverses every key.
    /// </summary>
    public static IOrderedQueryable<T> OrderNaturallyBy<T>(this IQueryable<T> rows, Expression<Func<T, Unit>> unit, bool descending = false)
    {
        var code = Expression.Property(Expression.Property(unit.Body, nameof(Unit.Building)), nameof(Building.Code));
        var number = Expression.Property(unit.Body, nameof(Unit.Number));
        var codeLength = Key<T, int>(Expression.Property(code, nameof(string.Length)), unit);
        var floor = Key<T, int>(Expression.Property(unit.Body, nameof(Unit.Floor)), unit);
        var numberLength = Key<T, int>(Expression.Property(number, nameof(string.Length)), unit);
        return descending
            ? rows.OrderByDescending(codeLength).ThenByDescending(Key<T, string>(code, unit)).ThenByDescending(floor)
                .ThenByDescending(numberLength).ThenByDescending(Key<T, string>(number, unit))
            : rows.OrderBy(codeLength).ThenBy(Key<T, string>(code, unit)).ThenBy(floor)
                .ThenBy(numberLength).ThenBy(Key<T, string>(number, unit));
    }

    private static Expression<Func<T, TKey>> Key<T, TKey>(Expression body, Expression<Func<T, Unit>> unit) =>
        Expression.Lambda<Func<T, TKey>>(body, unit.Parameters);
}
