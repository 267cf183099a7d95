global using PropertyHub.Tests.Testing;
global using PropertyHub.Features.Accounts.Access;
