global using PropertyHub.Tests.Testing;
